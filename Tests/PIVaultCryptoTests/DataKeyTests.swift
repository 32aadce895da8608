import Foundation
import Testing
@testable import PIVaultCrypto

@Suite("Field sealing with AES-256-GCM bound to subject, record and field")
struct DataKeyTests {
    let key = DataKey.generate()
    let context = FieldContext(subjectID: "sub_a", recordID: "rec_1", fieldPath: "resident_id")

    @Test("A ciphertext moved to another field, record or subject fails to open, naming the field")
    func movedCiphertext() throws {
        let sealed = try key.seal(Data("11010519491231002X".utf8), binding: context)
        for moved in [
            FieldContext(subjectID: "sub_a", recordID: "rec_1", fieldPath: "mobile"),
            FieldContext(subjectID: "sub_a", recordID: "rec_2", fieldPath: "resident_id"),
            FieldContext(subjectID: "sub_b", recordID: "rec_1", fieldPath: "resident_id"),
        ] {
            #expect { try key.open(sealed, binding: moved) } throws: { error in
                let error = error as! CryptoError
                return error.code == .integrity && error.message.contains(moved.fieldPath) && !error.message.contains("11010519491231002X")
            }
        }
    }

    @Test("A flipped bit or truncation fails its integrity check")
    func tampering() throws {
        var sealed = try key.seal(Data("value".utf8), binding: context)
        sealed[sealed.count / 2] ^= 0x01
        #expect(throws: CryptoError.self) { try key.open(sealed, binding: context) }
        #expect(throws: CryptoError.self) { try key.open(Data([1, 2, 3]), binding: context) }
    }

    @Test("The binding is the stored format: `pivault/field/v1`, subject, record and field joined by NUL, so every stored ciphertext keeps opening")
    func bindingFormat() {
        let context = FieldContext(subjectID: "sub_é", recordID: "rec_1", fieldPath: "name")
        #expect(context.associatedData == Array("pivault/field/v1\u{0}sub_é\u{0}rec_1\u{0}name".utf8))
        #expect(FieldContext(subjectID: "", recordID: "", fieldPath: "").associatedData == Array("pivault/field/v1\u{0}\u{0}\u{0}".utf8))
    }

    @Test("Equal values seal to different ciphertexts (random nonces)")
    func randomNonces() throws {
        let first = try key.seal(Data("same".utf8), binding: context)
        let second = try key.seal(Data("same".utf8), binding: context)
        #expect(first != second)
    }
}
