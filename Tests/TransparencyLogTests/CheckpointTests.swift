import Testing
import TransparencyLog

@Suite("C2SP tlog-checkpoint")
struct CheckpointTests {
    let root = TreeHasher.leafHash(Array("r".utf8))

    @Test("C2SP tlog-checkpoint: origin, size, base64 root and extension lines round-trip")
    func roundTrip() throws {
        let checkpoint = try Checkpoint(origin: "example.com/log", size: 42, root: root, extensions: ["ext one", "ext two"])
        #expect(checkpoint.text == "example.com/log\n42\n\(root.base64)\next one\next two\n")
        #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
        let bare = try Checkpoint(origin: "o", size: 0, root: TreeHasher.emptyRoot)
        #expect(try Checkpoint(parsing: bare.text) == bare)
    }

    @Test("C2SP tlog-checkpoint: malformed text fails with malformedCheckpoint naming the line")
    func malformed() {
        let r = root.base64
        let cases: [(String, String)] = [
            ("o\n1\n\(r)", "newline"),
            ("o\n1\n", "lines"),
            ("\n1\n\(r)\n", "origin"),
            ("o\n01\n\(r)\n", "line 2"),
            ("o\n-1\n\(r)\n", "line 2"),
            ("o\n18446744073709551616\n\(r)\n", "line 2"),
            ("o\n1\nAAAA\n", "line 3"),
            ("o\n1\n\(r)\n\n", "extension line 1"),
        ]
        for (text, named) in cases {
            let error = #expect(throws: LogError.self, "\(text.debugDescription)") { try Checkpoint(parsing: text) }
            #expect(error?.code == .malformedCheckpoint)
            #expect(error?.message.contains(named) == true, "\(error?.message ?? "") should name \(named)")
        }
    }

    @Test("C2SP tlog-checkpoint: a signed checkpoint verifies and enforces the expected origin")
    func signedCheckpoint() async throws {
        let signer = try NoteSigner.generate(name: "example.com/log")
        let log = try await Fixture.log(5)
        let note = try await log.signedCheckpoint(origin: "example.com/log", signers: [signer])
        let verified = try SignedCheckpoint(verifying: Array(note.utf8), with: [signer.verifier], origin: "example.com/log")
        #expect(verified.checkpoint.size == 5)
        #expect(verified.checkpoint.root == (try await log.root(at: 5)))
        let error = #expect(throws: LogError.self) {
            try SignedCheckpoint(verifying: Array(note.utf8), with: [signer.verifier], origin: "other.example/log")
        }
        #expect(error?.code == .originMismatch)
    }
}
