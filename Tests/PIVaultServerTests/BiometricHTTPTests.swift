import Foundation
import HTTPTypes
import PIVault
import PIVaultCore
import PIVaultStore
import TransparencyLog
@testable import PIVaultServer
import Testing

/// Biometric templates over HTTP (PIPL Art. 26, 28–29): collected through
/// `POST /v1/records`, matched 1:1 by `POST /v1/subjects/{subject}/biometric-match`,
/// never returned by a staff read, and the filing flag on `/readyz`.
@Suite("Biometrics over HTTP (PIPL Art. 26, 28–29)")
struct BiometricHTTPTests {
    static let face: [Double] = [0.8, -0.2, 0.5, 0.1]

    static func enrol(_ client: TestServer.Client, _ template: Any = face) async throws -> TestServer.Client.Reply {
        try await client.send(.post, "/v1/records", as: "gate-staff", object: [
            "standard": "face-enrolment", "purpose": "venue-access", "values": ["face": template], "consentGiven": true,
        ])
    }

    @Test("Art. 28–29: a face template is collected, matched 1:1 with only yes/no and a score, and never returned by the staff read", arguments: TestEngine.available)
    func collectMatchRead_Art28_29(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, yaml: ServerBiometricConfiguration.yaml)
        try await server.run { client in
            let collected = try await Self.enrol(client)
            #expect(collected.status == .created)
            let subject = try #require(collected.json["subject"] as? String)
            let path = "/v1/subjects/\(subject)/biometric-match"
            let yes = try await client.send(.post, path, as: "gate-staff", object: ["purpose": "venue-access", "template": Self.face])
            #expect(yes.status == .ok && yes.json["match"] as? Bool == true && (yes.json["score"] as? Double ?? 0) > 0.99)
            #expect(Set(yes.json.keys) == ["match", "score", "threshold", "purpose", "modality"])
            let no = try await client.send(.post, path, as: "gate-staff", object: ["purpose": "venue-access", "template": ["modality": "face", "template": [-0.8, 0.2, -0.5, -0.1]]])
            #expect(no.status == .ok && no.json["match"] as? Bool == false)
            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "gate-staff", object: ["purpose": "venue-access"])
            #expect(read.json["outcome"] as? String == "deny" && read.text.contains("PIPL Art. 28") && (read.json["records"] as? [Any])?.isEmpty == true && !read.text.contains("0.8"))
            let size = try await server.vault.store.read { try await $0.logState() }.leafCount
            let events = try await server.vault.store.read { try await $0.logEntries(range: 0..<size) }.map { try LogEvent(leafData: $0.data) }
            #expect(events.filter { $0.kind == .biometricMatch }.map(\.decision) == ["match", "no-match"])
        }
    }

    @Test("Art. 26, 28: a wrong-size template or probe is 400 naming the rule; identification and unheld purposes are 403", arguments: TestEngine.available)
    func refusals_Art26_28(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, yaml: ServerBiometricConfiguration.yaml)
        try await server.run { client in
            let wrong = try await Self.enrol(client, [0.1, 0.2])
            #expect(wrong.status == .badRequest && (wrong.json["detail"] as? String)?.contains("declares 4 dimensions") == true)
            let raw = try await Self.enrol(client, ["image": Data([1, 2, 3, 4, 5, 6]).base64EncodedString()])
            #expect(raw.status == .badRequest && (raw.json["detail"] as? String)?.contains("raw_capture: true") == true)
            let subject = try #require(try await Self.enrol(client).json["subject"] as? String)
            let path = "/v1/subjects/\(subject)/biometric-match"
            let short = try await client.send(.post, path, as: "gate-staff", object: ["purpose": "venue-access", "template": [1]])
            #expect(short.status == .badRequest)
            let identification = try await client.send(.post, path, as: "police", object: ["purpose": "camera-search", "template": Self.face])
            #expect(identification.status == .forbidden && identification.json["article"] as? String == "PIPL Art. 26")
            let notHeld = try await client.send(.post, path, as: "support", object: ["purpose": "venue-access", "template": Self.face])
            #expect(notHeld.status == .forbidden)
            let extra = try await client.send(.post, path, as: "gate-staff", json: #"{"purpose":"venue-access","template":[1,0,0,0],"image":"x"}"#)
            #expect(extra.status == .badRequest)
        }
    }

    @Test("Art. 26: POST /v1/biometric-identify searches the identification purpose's templates and answers only ids and scores", arguments: TestEngine.available)
    func identify_Art26(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, yaml: ServerBiometricConfiguration.yaml)
        try await server.run { client in
            let enrolled = try await client.send(.post, "/v1/records", as: "police", object: [
                "standard": "face-enrolment", "purpose": "camera-search", "values": ["face": Self.face],
            ])
            #expect(enrolled.status == .created)
            let subject = try #require(enrolled.json["subject"] as? String)
            let found = try await client.send(.post, "/v1/biometric-identify", as: "police", object: ["purpose": "camera-search", "template": Self.face])
            #expect(found.status == .ok)
            let candidates = try #require(found.json["candidates"] as? [[String: Any]])
            #expect(candidates.map { $0["subjectID"] as? String } == [subject])
            #expect(!found.text.contains("-0.2"))
            // GET /v1/configuration/standards says what a template must be, so a device can produce one.
            let standards = try #require(try await client.send(.get, "/v1/configuration/standards", as: "police").json["standards"] as? [[String: Any]])
            let face = try #require((standards.first { $0["id"] as? String == "face-enrolment" }?["fields"] as? [[String: Any]])?.first)
            #expect(face["type"] as? String == "biometric" && face["modality"] as? String == "face" && face["dimensions"] as? Int == 4)
            let verification = try await client.send(.post, "/v1/biometric-identify", as: "gate-staff", object: ["purpose": "venue-access", "template": Self.face])
            #expect(verification.status == .forbidden && verification.json["article"] as? String == "PIPL Art. 26")
            let unknownMember = try await client.send(.post, "/v1/biometric-identify", as: "police", json: #"{"purpose":"camera-search","template":[1,0,0,0],"image":"x"}"#)
            #expect(unknownMember.status == .badRequest)
        }
    }

    @Test("Face-recognition measures Art. 15: /readyz says a filing is due once the threshold of people is reached, and stays ready", arguments: TestEngine.available)
    func filingFlag(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, yaml: ServerBiometricConfiguration.yaml)
        try await server.run { client in
            let before = try await client.send(.get, "/readyz")
            #expect(before.status == .ok && (before.json["biometricFiling"] as? [String: Any])?["filingDue"] as? Bool == false)
            _ = try await Self.enrol(client)
            _ = try await Self.enrol(client)
            let after = try await client.send(.get, "/readyz")
            let filing = try #require(after.json["biometricFiling"] as? [String: Any])
            #expect(after.status == .ok && filing["filingDue"] as? Bool == true && filing["subjects"] as? Int == 2)
        }
    }

    @Test("Art. 45: POST /v1/requests accepts includeBiometricTemplates for the subject's own portability export and refuses it on an access request", arguments: TestEngine.available)
    func exportOption_Art45(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, yaml: ServerBiometricConfiguration.yaml)
        try await server.run { client in
            let subject = try #require(try await Self.enrol(client).json["subject"] as? String)
            let token = try await server.vault.issueSubjectToken(subjectID: subject).token
            let filed = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)",
                                              json: #"{"subject":"\#(subject)","type":"portability","includeBiometricTemplates":true}"#)
            #expect(filed.status == .created)
            let id = try #require(filed.json["id"] as? String)
            let outcome = try await server.vault.completeRequest(id, handler: "staff-1")
            #expect(outcome.document?.contains("biometricTemplates") == true)
            let onAccess = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)",
                                                 json: #"{"subject":"\#(subject)","type":"access","includeBiometricTemplates":true}"#)
            #expect(onAccess.status == .badRequest && onAccess.json["article"] as? String == "PIPL Art. 45")
        }
    }
}
