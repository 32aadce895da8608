import Foundation
import Testing
@testable import PIVaultCrypto

@Suite("Keyring: master keys wrap per-subject data keys (PIPL Art. 51: encryption)")
struct KeyringTests {
    @Test("A wrapped data key unwraps only for its owner and only with its master key")
    func wrapUnwrap() throws {
        let ring = try Keyring([MasterKey.generate(version: 1)])
        let key = DataKey.generate()
        let wrapped = try ring.wrap(key, for: "sub_a")
        let context = FieldContext(subjectID: "sub_a", recordID: "rec_1", fieldPath: "name")
        let sealed = try key.seal(Data("张三".utf8), binding: context)
        let unwrapped = try ring.unwrap(wrapped, for: "sub_a")
        #expect(try unwrapped.open(sealed, binding: context) == Data("张三".utf8))
        #expect(throws: CryptoError.self) { try ring.unwrap(wrapped, for: "sub_b") }
        let other = try Keyring([MasterKey.generate(version: 1)])
        #expect(throws: CryptoError.self) { try other.unwrap(wrapped, for: "sub_a") }
    }

    @Test("Rotation re-wraps under the new version; the data key, and so the data, is unchanged")
    func rotation() throws {
        let ring = try Keyring([MasterKey.generate(version: 1)])
        let key = DataKey.generate()
        let context = FieldContext(subjectID: "s", recordID: "r", fieldPath: "f")
        let sealed = try key.seal(Data("v".utf8), binding: context)
        let wrapped = try ring.wrap(key, for: "s")
        let rotated = try ring.adding(MasterKey.generate(version: 2))
        #expect(rotated.activeVersion == 2)
        let rewrapped = try rotated.rewrap(wrapped, for: "s")
        #expect(rewrapped.version == 2)
        #expect(try rotated.unwrap(rewrapped, for: "s").open(sealed, binding: context) == Data("v".utf8))
        let retired = try rotated.removing(version: 1)
        #expect(throws: CryptoError.self) { try retired.unwrap(wrapped, for: "s") }
        #expect(try retired.unwrap(rewrapped, for: "s").open(sealed, binding: context) == Data("v".utf8))
    }

    @Test("Key material never appears in descriptions or mirrors")
    func redaction() throws {
        let master = MasterKey.generate(version: 3)
        let base64 = master.exportBase64()
        #expect(!String(describing: master).contains(base64))
        #expect(Mirror(reflecting: master).children.isEmpty)
        #expect(String(describing: DataKey.generate()) == "DataKey(<redacted>)")
        #expect(!String(describing: try Keyring([master])).contains(base64))
    }

    @Test("Malformed master keys are refused with a clear message", arguments: ["not base64!", "c2hvcnQ="])
    func malformed(_ text: String) {
        #expect(throws: CryptoError.self) { try MasterKey(version: 1, base64: text) }
    }

    @Test("The key check value identifies a key without revealing it")
    func checkValue() throws {
        let key = MasterKey.generate(version: 1)
        let same = try MasterKey(version: 1, base64: key.exportBase64())
        #expect(key.checkValue == same.checkValue)
        #expect(key.checkValue != MasterKey.generate(version: 1).checkValue)
    }
}
