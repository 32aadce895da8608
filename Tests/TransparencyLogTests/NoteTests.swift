import Foundation
import Testing
import TransparencyLog

@Suite("C2SP signed-note: Ed25519 signatures, keys and verification rules")
struct NoteTests {
    let signer = try! NoteSigner.generate(name: "example.com/log")
    let witness = try! NoteSigner.generate(name: "witness.example")
    let text = "example.com/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"

    @Test("C2SP signed-note: key id is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0..<4] and both key texts round-trip")
    func keyText() throws {
        let verifier = try NoteVerifier(signer.verifier.text)
        #expect(verifier == signer.verifier)
        #expect(verifier.text.hasPrefix("example.com/log+"))
        let reread = try NoteSigner(signer.exportPrivateKeyText())
        #expect(reread.verifier == signer.verifier)
        // The secret never prints.
        // PRIVATE+KEY+name+id+base64: the key itself is everything after the fourth '+' (base64 may contain '+' too).
        let secret = String(signer.exportPrivateKeyText().split(separator: "+", maxSplits: 4).last!)
        #expect(secret.count >= 40)
        #expect(!"\(signer)".contains(secret))
        #expect("\(signer)".contains("<redacted>"))
        #expect(Mirror(reflecting: signer).children.isEmpty)
    }

    @Test("C2SP signed-note: malformed verifier and signer keys fail with malformedKey, naming the rule")
    func malformedKeys() {
        let good = signer.verifier.text
        let parts = good.split(separator: "+", maxSplits: 2).map(String.init)
        let cases: [String: String] = [
            "": "form",
            "name+1234": "form",
            "na me+\(parts[1])+\(parts[2])": "whitespace",
            "\(parts[0])+zzzzzzzz+\(parts[2])": "hex",
            "\(parts[0])+\(parts[1])+!!!": "base64",
            "other+\(parts[1])+\(parts[2])": "declares id",
            "\(parts[0])+\(parts[1])+AQID": "32 bytes",
            "\(parts[0])+\(parts[1])+AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA": "algorithm",
            signer.exportPrivateKeyText(): "private",
        ]
        for (text, reason) in cases {
            let error = #expect(throws: LogError.self, "\(reason)") { try NoteVerifier(text) }
            #expect(error?.code == .malformedKey)
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "") should mention \(reason)")
        }
        #expect(throws: LogError.self) { try NoteSigner(good) }
        #expect(throws: LogError.self) { try NoteSigner("PRIVATE+KEY+x+00000000+AQID") }
    }

    @Test("C2SP signed-note: a note signed by the log verifies and keeps its text")
    func signAndVerify() throws {
        let note = try SignedNote(signing: text, with: [signer])
        let verified = try SignedNote(parsing: note.serialized).verify(with: [signer.verifier])
        #expect(verified.text == text)
        #expect(verified.verifiedSignatures.count == 1)
        #expect(note.serialized.hasPrefix(text + "\n\u{2014} example.com/log "))
    }

    @Test("C2SP signed-note: unknown extra signatures are accepted and set aside")
    func unknownSignaturesAccepted() throws {
        let note = try SignedNote(signing: text, with: [witness, signer])
        let verified = try SignedNote(parsing: note.serialized).verify(with: [signer.verifier])
        #expect(verified.verifiedSignatures.map(\.name) == ["example.com/log"])
        #expect(verified.unverifiedSignatures.map(\.name) == ["witness.example"])
    }

    @Test("C2SP signed-note: a note with no valid known signature is rejected")
    func noKnownSignature() throws {
        let note = try SignedNote(signing: text, with: [witness])
        let error = #expect(throws: LogError.self) { try SignedNote(parsing: note.serialized).verify(with: [signer.verifier]) }
        #expect(error?.code == .unverifiedNote)
        #expect(error?.message.contains("witness.example") == true)
        // Same name, different key: the id differs, so it is not a known signature either.
        let impostor = try NoteSigner.generate(name: "example.com/log")
        let forged = try SignedNote(signing: text, with: [impostor])
        #expect(throws: LogError.self) { try SignedNote(parsing: forged.serialized).verify(with: [signer.verifier]) }
    }

    @Test("C2SP signed-note: altered text under a known key's signature fails with invalidSignature")
    func alteredText() throws {
        let note = try SignedNote(signing: text, with: [signer])
        let altered = note.serialized.replacingOccurrences(of: "\n3\n", with: "\n4\n")
        let error = #expect(throws: LogError.self) { try SignedNote(parsing: altered).verify(with: [signer.verifier]) }
        #expect(error?.code == .invalidSignature)
        #expect(error?.message.contains(signer.verifier.name) == true)
    }

    @Test("C2SP signed-note: structural errors are reported, never a crash")
    func malformedNotes() throws {
        let good = try SignedNote(signing: text, with: [signer]).serialized
        let signatureLine = String(good.split(separator: "\n").last!)
        let cases: [String] = [
            "",
            "no blank line\n",
            text + "\n",
            text + "\n" + signatureLine,
            text + "\n- example.com/log AAAA\n",
            text + "\n\u{2014} example.com/log\n",
            text + "\n\u{2014} example.com/log !!!!\n",
            text + "\n\u{2014} example.com/log AAAA\n",
            "a\tb\n\n" + signatureLine + "\n",
        ]
        for input in cases {
            let error = #expect(throws: LogError.self, "\(input.debugDescription)") { try SignedNote(parsing: input) }
            #expect(error?.code == .malformedNote)
        }
        #expect(throws: LogError.self) { try SignedNote(parsing: [0x61, 0x0A, 0x0A, 0xFF, 0x0A]) }
        #expect(throws: LogError.self) { try SignedNote(signing: "no newline", with: [signer]) }
        let many = text + "\n" + String(repeating: signatureLine + "\n", count: 101)
        #expect(throws: LogError.self) { try SignedNote(parsing: many) }
    }

    @Test("C2SP signed-note: every truncation and byte flip of a note parses or errors, never crashes")
    func noCrashOnMutation() throws {
        let bytes = Array(try SignedNote(signing: text, with: [signer, witness]).serialized.utf8)
        for length in 0..<bytes.count {
            _ = try? SignedNote(parsing: Array(bytes[0..<length])).verify(with: [signer.verifier])
        }
        var accepted = 0
        for position in bytes.indices {
            var mutated = bytes
            mutated[position] ^= 0x01
            if (try? SignedNote(parsing: mutated).verify(with: [signer.verifier])) != nil { accepted += 1 }
        }
        // Only flips inside the witness's unchecked signature line can leave the note valid.
        let witnessLine = try SignedNote(signing: text, with: [witness]).signatures[0].line.utf8.count
        #expect(accepted <= witnessLine)
    }
}
