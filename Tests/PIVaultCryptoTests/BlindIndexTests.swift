import Testing
@testable import PIVaultCrypto

@Suite("Blind indexes: keyed HMAC for exact lookups without decryption")
struct BlindIndexTests {
    @Test("Same key and value give the same digest; another key or kind gives another")
    func determinism() {
        let key = DataKey.generate()
        let index = BlindIndex(key: key)
        #expect(index.digest(kind: "mobile", value: "+8613800138000") == BlindIndex(key: key).digest(kind: "mobile", value: "+8613800138000"))
        #expect(index.digest(kind: "mobile", value: "+8613800138000") != BlindIndex(key: DataKey.generate()).digest(kind: "mobile", value: "+8613800138000"))
        #expect(index.digest(kind: "mobile", value: "+8613800138000") != index.digest(kind: "email", value: "+8613800138000"))
        #expect(!index.digest(kind: "mobile", value: "+8613800138000").contains("13800138000"))
    }

    @Test("Identifiers are random and carry no input")
    func identifiers() {
        let first = Identifiers.random(prefix: "sub")
        #expect(first.hasPrefix("sub_") && first.count == 30)
        #expect(first != Identifiers.random(prefix: "sub"))
    }
}
