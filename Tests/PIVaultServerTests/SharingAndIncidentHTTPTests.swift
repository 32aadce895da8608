import Foundation
import HTTPTypes
import PIVault
import PIVaultCore
import PIVaultStore
import TransparencyLog
@testable import PIVaultServer
import Testing

/// Sharing, incidents, anomaly suspension and the processing report over
/// HTTP (PIPL Art. 21, 23, 51, 54, 57), on every engine.
@Suite("Sharing, incidents, anomaly alerts and the processing report over HTTP (PIPL Art. 21, 23, 51, 54, 57)")
struct SharingAndIncidentHTTPTests {
    static func make(_ engine: TestEngine) async throws -> TestServer {
        try await TestServer.make(engine, yaml: ServerSharingConfiguration.yaml)
    }

    @Test("Art. 21, 23: GET /v1/recipients lists the registry; transfers are refused with the article or given and logged", arguments: TestEngine.available)
    func transfers_Art21_23(engine: TestEngine) async throws {
        let server = try await Self.make(engine)
        try await server.run { client in
            let list = try await client.send(.get, "/v1/recipients", as: "support")
            #expect(list.status == .ok)
            let recipients = try #require(list.json["recipients"] as? [[String: Any]])
            #expect(recipients.map { $0["id"] as? String } == ["cloud-lab", "provincial-cdc"])
            #expect(recipients[0]["contractInForce"] as? Bool == true && recipients[0]["contractUntil"] as? String == "2022-06-30")
            let subject = try await client.collectPerson()
            let path = "/v1/subjects/\(subject)/transfers"
            let unregistered = try await client.send(.post, path, as: "support", object: ["purpose": "research-sharing", "recipient": "mystery-co"])
            #expect(unregistered.status == .forbidden && unregistered.json["article"] as? String == "PIPL Art. 21, 23")
            let noConsent = try await client.send(.post, path, as: "support", object: ["purpose": "research-sharing", "recipient": "provincial-cdc"])
            #expect(noConsent.status == .forbidden && (noConsent.json["detail"] as? String)?.contains("provincial-cdc") == true)
            let outside = try await client.send(.post, path, as: "support", object: ["purpose": "lab-processing", "recipient": "cloud-lab"])
            #expect(outside.status == .forbidden && outside.json["article"] as? String == "PIPL Art. 21")
            let notGranted = try await client.send(.post, path, as: "epidemiologist", object: ["purpose": "lab-processing", "recipient": "cloud-lab", "fields": ["name"]])
            #expect(notGranted.status == .forbidden)
            let given = try await client.send(.post, path, as: "support", object: ["purpose": "lab-processing", "recipient": "cloud-lab", "fields": ["name", "mobile"]])
            #expect(given.status == .created)
            #expect((given.json["recipient"] as? [String: Any])?["id"] as? String == "cloud-lab")
            let data = try #require(given.json["data"] as? [String: Any])
            #expect(data["outcome"] as? String == "permit" && given.json["logIndex"] != nil)
            let bad = try await client.send(.post, path, as: "support", json: #"{"purpose":"lab-processing","recipient":"cloud-lab","extra":1}"#)
            #expect(bad.status == .badRequest)
            // Art. 21: once the processor's contract has ended (2022-06-30), its access ends.
            server.clock.advance(by: 100 * 86400)
            let ended = try await client.send(.post, path, as: "support", object: ["purpose": "lab-processing", "recipient": "cloud-lab", "fields": ["name"]])
            #expect(ended.status == .forbidden && (ended.json["detail"] as? String)?.contains("no contract in force") == true)
            let size = try await server.vault.store.read { try await $0.logState() }.leafCount
            let events = try await server.vault.store.read { try await $0.logEntries(range: 0..<size) }.map { try LogEvent(leafData: $0.data) }
            #expect(events.filter { $0.kind == .transfer }.map(\.detail) == ["recipient:cloud-lab"])
        }
    }

    @Test("Art. 51, 57: an anomaly rule suspends a token — 403 with the reason, counted in /metrics — until an administrator lifts it", arguments: TestEngine.available)
    func suspension_Art51(engine: TestEngine) async throws {
        let server = try await Self.make(engine)
        try await server.run { client in
            var subjects: [String] = []
            for _ in 0..<3 { subjects.append(try await client.collectPerson()) }
            for subject in subjects {
                let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", object: ["purpose": "contact-tracing"])
                #expect(read.status == .ok)
            }
            let refused = try await client.send(.post, "/v1/subjects/\(subjects[0])/access", as: "epidemiologist", object: ["purpose": "contact-tracing"])
            #expect(refused.status == .forbidden)
            #expect((refused.json["detail"] as? String)?.contains("suspended") == true && (refused.json["detail"] as? String)?.contains("many-subjects") == true)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.text.contains("pivault_anomaly_alerts_total{") && metrics.text.contains("many-subjects"))
            let alerts = try await client.send(.get, "/v1/anomaly/alerts", as: "officer")
            #expect((alerts.json["alerts"] as? [[String: Any]])?.first?["ruleID"] as? String == "many-subjects")
            #expect(try await client.send(.get, "/v1/anomaly/alerts", as: "support").status == .forbidden)
            let token = server.tokenIDs["epidemiologist"]!
            #expect(try await client.send(.delete, "/v1/anomaly/suspensions/\(token)", as: "officer").status == .forbidden)
            #expect(try await client.send(.delete, "/v1/anomaly/suspensions/\(token)", as: "admin").status == .ok)
            #expect(try await client.send(.delete, "/v1/anomaly/suspensions/\(token)", as: "admin").status == .notFound)
            #expect(try await client.send(.get, "/v1/me", as: "epidemiologist").status == .ok)
        }
    }

    @Test("Art. 57: incidents over HTTP — no categories is 400 and nothing stored; notify produces authority and person notices", arguments: TestEngine.available)
    func incidents_Art57(engine: TestEngine) async throws {
        let server = try await Self.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            var body: [String: Any] = ["summary": "Exposed export share", "occurredAt": "2022-04-01T00:00:00Z", "categories": [String](),
                                       "subjects": [subject], "cause": "Share without authentication", "harm": "Phishing", "measures": "Share closed"]
            let empty = try await client.send(.post, "/v1/incidents", as: "admin", object: body)
            #expect(empty.status == .badRequest && empty.json["article"] as? String == "PIPL Art. 57(1)1" && empty.json["field"] as? String == "categories")
            #expect((try await client.send(.get, "/v1/incidents", as: "officer").json["incidents"] as? [Any])?.isEmpty == true)
            body["categories"] = ["health"]
            #expect(try await client.send(.post, "/v1/incidents", as: "support", object: body).status == .forbidden)
            let created = try await client.send(.post, "/v1/incidents", as: "officer", object: body)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(try await client.send(.get, "/v1/incidents/\(id)", as: "admin").json["subjects"] as? [String] == [subject])
            let notified = try await client.send(.post, "/v1/incidents/\(id)/notify", as: "officer")
            #expect(notified.status == .ok)
            let notices = try #require(notified.json["notices"] as? [[String: Any]])
            #expect(notices.map { $0["audience"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["authority", "subject"])
            #expect(notices.allSatisfy { ($0["textZH"] as? String)?.contains("第五十七条") == true && $0["delivery"] as? String == "pending" })
            #expect(try await client.send(.get, "/v1/incidents/inc_missing", as: "admin").status == .notFound)
            #expect(try await client.send(.post, "/v1/incidents/\(id)/notify", as: "admin", json: #"{"webhook":"ftp://x"}"#).status == .badRequest)
        }
    }

    @Test("Art. 54: GET /v1/report serves the processing report as JSON or Markdown to administrators and the officer only", arguments: TestEngine.available)
    func report_Art54(engine: TestEngine) async throws {
        let server = try await Self.make(engine)
        try await server.run { client in
            _ = try await client.collectPerson()
            let json = try await client.send(.get, "/v1/report", as: "officer")
            #expect(json.status == .ok)
            #expect(json.json["subjects"] as? Int == 1)
            #expect((json.json["logCheckpoint"] as? String)?.isEmpty == false)
            #expect(((json.json["recipients"] as? [[String: Any]])?.count) == 2)
            let markdown = try await client.send(.get, "/v1/report?format=markdown", as: "admin")
            #expect(markdown.status == .ok && markdown.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(markdown.text.contains("# Record of processing activities") && markdown.text.contains("**(sensitive)**"))
            for value in ["张三丰", "11010519491231002X", "13800138000"] { #expect(!json.text.contains(value) && !markdown.text.contains(value)) }
            #expect(try await client.send(.get, "/v1/report", as: "epidemiologist").status == .forbidden)
            #expect(try await client.send(.get, "/v1/report?format=pdf", as: "admin").status == .badRequest)
        }
    }
}
