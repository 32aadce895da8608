import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PIVault
import PIVaultCore
@testable import PIVaultServer
import Testing
import TransparencyLog

@Suite("Checkpoint publication interval (C2SP tlog-checkpoint)")
struct CheckpointIntervalTests {
    @Test("The server signs a new checkpoint at the configured interval only when the log grew", arguments: TestEngine.available)
    func publishesAtConfiguredInterval(engine: TestEngine) async throws {
        #expect(ServerConfiguration().checkpointInterval == 1)
        var settings = ServerConfiguration(rateLimit: .unlimited)
        settings.checkpointInterval = 0.05
        let server = try await TestServer.make(engine, server: settings)
        let vault = server.vault
        let app = VaultServer.buildApplication(server.dependencies, logger: server.logs.logger(label: "server"))
        do {
            try await app.test(.live) { client in
                let verifier = try NoteVerifier(vault.logVerifierKey)
                func size() async throws -> UInt64 {
                    let response = try await client.execute(uri: "/log/checkpoint", method: .get)
                    let signed = try SignedCheckpoint(verifying: Array(String(buffer: response.body).utf8), with: [verifier])
                    return signed.checkpoint.size
                }
                // The setup logged events of its own; signing them now starts the quiet period from the log's whole
                // size, however late the full suite's busy threads let the server's own publication run.
                try await vault.publishCheckpoint()
                let quiet = try await size()
                try await Task.sleep(for: .milliseconds(200))
                #expect(try await size() == quiet, "no growth, no new checkpoint")
                let subject = try await vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: [
                    "name": .string("张三丰"), "resident_id": .string("11010519491231002X"), "mobile": .string("138 0013 8000"),
                ])).subjectID
                _ = try await vault.read(AccessRequest(actor: Actor(id: "staff-7", role: "epidemiologist"), subjectID: subject, purpose: "contact-tracing"))
                var grown = try await size()
                // Bounded generously: the full suite keeps both cooperative threads busy and delays every task.
                for _ in 0..<400 where grown == quiet {
                    try await Task.sleep(for: .milliseconds(50))
                    grown = try await size()
                }
                #expect(grown > quiet, "a new checkpoint after the log grew")
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
