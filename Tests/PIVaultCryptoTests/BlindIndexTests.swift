import Crypto
import Foundation
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

    @Test("A digest is base64 of HMAC-SHA-256 (RFC 2104) over kind, a zero byte and the value, so digests stored earlier keep matching; each is independent of those before it")
    func rfc2104() {
        let key = DataKey(key: SymmetricKey(data: Array(repeating: UInt8(0x0b), count: 32)))
        let index = BlindIndex(key: key)
        func reference(_ kind: String, _ value: String) -> String {
            Data(HMAC<SHA256>.authenticationCode(for: Data("\(kind)\u{0}\(value)".utf8), using: key.key)).base64EncodedString()
        }
        // The same index answers many lookups: none may leak state into the next.
        for (kind, value) in [("mobile", "+8613800138000"), ("resident_id", "11010519491231002X"), ("mobile", "+8613800138000"), ("email", "")] {
            #expect(index.digest(kind: kind, value: value) == reference(kind, value))
        }
        // Computed independently (Python hmac, RFC 2104).
        #expect(index.digest(kind: "mobile", value: "+8613800138000") == "lnmhgGx0GS/0e2wgTYCAxmQrHikW0HZzufiYquUcAMY=")
    }

    @Test("Identifiers are random and carry no input")
    func identifiers() {
        let first = Identifiers.random(prefix: "sub")
        #expect(first.hasPrefix("sub_") && first.count == 30)
        #expect(first != Identifiers.random(prefix: "sub"))
    }
}
