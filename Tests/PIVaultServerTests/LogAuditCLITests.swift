import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PIVault
import PIVaultCore
import PIVaultStore
@testable import PIVaultServer
import SQLKit
import Testing
import TransparencyLog

/// `pivault log audit` against a live server: consistency between two signed
/// checkpoints from the public tiles, and a person's access history included
/// in the latest checkpoint; every tampering is a non-zero exit that says what failed.
@Suite("pivault log audit (C2SP tlog-checkpoint, tlog-tiles; RFC 9162 §2.1.4; PIPL Art. 44)")
struct LogAuditCLITests {
    static let pivault = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pivault").path

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the `pivault` executable without blocking a concurrency thread.
    static func run(_ arguments: [String]) async throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pivault)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Run(status: process.terminationStatus,
                   output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                   error: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    static func write(_ text: String, _ directory: String, _ name: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Art. 44, RFC 9162 §2.1.4: an auditor checks two checkpoints and a subject's history from the server; tampered proofs, checkpoints, history and tiles each fail non-zero", arguments: TestEngine.available)
    func auditAgainstLiveServer(engine: TestEngine) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.pivault) else {
            print("note: log audit CLI test skipped — build the pivault executable first (`swift build`); looked for \(Self.pivault)")
            return
        }
        let server = try await TestServer.make(engine)
        let vault = server.vault
        let directory = server.directory
        let app = VaultServer.buildApplication(server.dependencies, logger: server.logs.logger(label: "server"))
        do {
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let base = "http://127.0.0.1:\(port)"
                let key = vault.logVerifierKey
                let subject = try await vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: [
                    "name": .string("张三丰"), "resident_id": .string("11010519491231002X"), "mobile": .string("138 0013 8000"),
                ])).subjectID
                let reader = Actor(id: "staff-7", role: "epidemiologist")
                _ = try await vault.read(AccessRequest(actor: reader, subjectID: subject, purpose: "contact-tracing"))
                try await vault.publishCheckpoint()
                let oldNote = try await vault.latestCheckpoint()
                let old = try Self.write(oldNote, directory, "old")
                let history = try await client.execute(uri: "/v1/subjects/\(subject)/access-history", method: .get,
                                                       headers: [.authorization: "Bearer \(server.tokens["epidemiologist"]!)"])
                #expect(history.status == .ok)
                let historyFile = try Self.write(String(buffer: history.body), directory, "history.json")
                for _ in 0..<300 { _ = try await vault.read(AccessRequest(actor: reader, subjectID: subject, purpose: "contact-tracing")) }
                try await vault.publishCheckpoint()
                let newNote = try await vault.latestCheckpoint()
                let new = try Self.write(newNote, directory, "new")

                // 1. From the server: consistency from its tiles, the history rebuilt against its current checkpoint.
                let good = try await Self.run(["log", "audit", "--from", old, "--server", base, "--key", key, "--history", historyFile])
                #expect(good.status == 0, "\(good.error)")
                #expect(good.output.contains("extends size") && good.output.contains("2 access-history entries are included"))

                // 2. Offline, with a proof file the vault produced; then the same proof with one hash altered.
                let verifier = try NoteVerifier(key)
                let oldSize = try SignedCheckpoint(verifying: Array(oldNote.utf8), with: [verifier]).checkpoint.size
                let newSize = try SignedCheckpoint(verifying: Array(newNote.utf8), with: [verifier]).checkpoint.size
                var proof = try await vault.transparency.log.consistencyProofFile(old: oldSize, new: newSize)
                let proofFile = try Self.write(String(decoding: try proof.json(), as: UTF8.self), directory, "proof.json")
                #expect(try await Self.run(["log", "audit", old, new, "--proof", proofFile, "--key", key]).status == 0)
                proof.hashes[0] = Data(repeating: 9, count: 32).base64EncodedString()
                let forgedProof = try Self.write(String(decoding: try proof.json(), as: UTF8.self), directory, "forged-proof.json")
                let inconsistent = try await Self.run(["log", "audit", "--from", old, "--to", new, "--proof", forgedProof, "--key", key])
                #expect(inconsistent.status != 0 && inconsistent.error.contains("INCONSISTENT"))

                // 3. A checkpoint whose size was edited no longer verifies.
                let lines = oldNote.split(separator: "\n", omittingEmptySubsequences: false)
                let edited = try Self.write(([lines[0], "1"] + lines.dropFirst(2)).joined(separator: "\n"), directory, "edited")
                let unsigned = try await Self.run(["log", "audit", "--from", edited, "--server", base, "--key", key])
                #expect(unsigned.status != 0 && unsigned.error.contains("older checkpoint does not verify"))

                // 4. A history entry rewritten (a read claimed denied) is not in the log.
                var object = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: history.body).utf8)) as? [String: Any])
                var events = try #require(object["events"] as? [[String: Any]])
                var last = try #require(events.last?["proof"] as? [String: Any])
                let leafText = try #require(last["leafData"] as? String)
                let leaf = String(decoding: try #require(Data(base64Encoded: leafText)), as: UTF8.self)
                last["leafData"] = Data(leaf.replacingOccurrences(of: "\"permit\"", with: "\"deny\"").utf8).base64EncodedString()
                last["leafHash"] = nil
                events[events.count - 1]["proof"] = last
                object["events"] = events
                let forgedHistory = try Self.write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), directory, "forged.json")
                let missing = try await Self.run(["log", "audit", "--from", old, "--server", base, "--key", key, "--history", forgedHistory])
                #expect(missing.status != 0 && missing.error.contains("MISSING"))

                // 5. The server's stored log rewritten under an old checkpoint: its tiles no longer extend it.
                let statement = vault.store.engine.dialect == .sqlite ? "DROP TRIGGER tlog_nodes_no_update" : "DROP TRIGGER tlog_nodes_append_only ON tlog_nodes"
                try await vault.store.engine.withDatabase { database in
                    try await database.raw("\(unsafeRaw: statement)" as SQLQueryString).run()
                    try await database.raw("UPDATE tlog_nodes SET hash = \(bind: Data(repeating: 0, count: 32)) WHERE level = 0 AND idx = 1").run()
                }
                let rewritten = try await Self.run(["log", "audit", "--from", old, "--server", base, "--key", key])
                #expect(rewritten.status != 0 && rewritten.error.contains("INCONSISTENT"))

                // 6. Missing inputs are usage errors, not silent successes.
                #expect(try await Self.run(["log", "audit", "--from", old, "--key", key]).status != 0)
                #expect(try await Self.run(["log", "audit", "--from", old, "--to", new, "--proof", proofFile]).status != 0)
            }
        } catch {
            try? await vault.close()
            await server.cleanUp()
            throw error
        }
        try? await vault.close()
        await server.cleanUp()
    }
}
