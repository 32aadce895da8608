import Foundation
import HTTPTypes
import PIVault
@testable import PIVaultServer
import Testing
import TransparencyLog

/// The transparency log over HTTP: C2SP tlog-tiles resources and each subject's access history.
@Suite("Transparency log over HTTP (C2SP tlog-tiles; PIPL Art. 44–45)")
struct LogRoutesTests {
    @Test("Art. 44: GET /v1/subjects/{id}/access-history lists who read, when, why and which fields, each proof verifying offline", arguments: TestEngine.available)
    func accessHistory(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            #expect(read.json["logIndex"] as? Int != nil)
            let history = try await client.send(.get, "/v1/subjects/\(subject)/access-history", as: "epidemiologist")
            #expect(history.status == .ok)
            let events = try #require(history.json["events"] as? [[String: Any]])
            #expect(events.map { $0["type"] as? String } == ["collection", "read"])
            #expect(events.last?["role"] as? String == "epidemiologist")
            #expect(events.last?["decision"] as? String == "permit")
            let checkpoint = try #require(history.json["checkpoint"] as? String)
            let key = try NoteVerifier(try #require(history.json["verifierKey"] as? String))
            for event in events {
                let proof = try JSONSerialization.data(withJSONObject: try #require(event["proof"]))
                let verified = try OfflineVerifier.verifyInclusion(checkpoint: Array(checkpoint.utf8), proof: InclusionProofFile(json: Array(proof)), verifiers: [key])
                #expect(verified.leafIndex == UInt64(event["index"] as? Int ?? -1))
            }
            #expect(!history.text.contains("张三丰"), "the history names no personal value")
            let anonymous = try await client.send(.get, "/v1/subjects/\(subject)/access-history")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("C2SP tlog-tiles: /log/checkpoint is a signed checkpoint, /log/tile serves hash tiles and entry bundles, bad paths are 404", arguments: TestEngine.available)
    func tiles(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            _ = try await client.collectPerson()
            // The server signs a checkpoint every second; publish now rather than wait.
            _ = try await server.vault.publishCheckpoint()
            let note = try await client.send(.get, "/log/checkpoint")
            #expect(note.status == .ok)
            let checkpoint = try SignedCheckpoint(verifying: Array(note.text.utf8), with: [try NoteVerifier(server.vault.logVerifierKey)]).checkpoint
            #expect(checkpoint.size >= 2)
            let tile = try await client.send(.get, "/log/tile/0/000.p/\(checkpoint.size)")
            #expect(tile.status == .ok)
            #expect(tile.headers[.contentType] == "application/octet-stream")
            let bundle = try await client.send(.get, "/log/tile/entries/000.p/\(checkpoint.size)")
            #expect(bundle.status == .ok)
            #expect(bundle.text.contains("\"type\":\"collection\""))
            #expect(try await client.send(.get, "/log/tile/0/000").status == .notFound, "a full tile the tree does not have yet")
            #expect(try await client.send(.get, "/log/tile/x/y").status == .notFound)
        }
    }
}
