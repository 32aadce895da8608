import Foundation
import HTTPTypes
import PIVault
import PIVaultCore
@testable import PIVaultServer
import Testing

@Suite("Impact assessments over HTTP (PIPL Art. 55–56)")
struct AssessmentHTTPTests {
    static var body: [String: Any] { [
        "purpose": "contact-tracing", "processing": "Visitor registration read by epidemiologists", "risks": "Disclosure of health status",
        "measures": "Encryption per person, masking, 180-day retention", "conclusion": "acceptable-with-measures", "assessor": "DPO office", "assessedOn": "2022-03-30",
    ] }

    @Test("Art. 55: a purpose refuses collection (403 with the article) until an administrator records an assessment; staff cannot record one", arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, assessed: false)
        try await server.run { client in
            let refused = try await client.send(.post, "/v1/records", as: "epidemiologist", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "values": ["name": "张三", "resident_id": "11010519491231002X"],
            ])
            #expect(refused.status == .forbidden && refused.json["article"] as? String == "PIPL Art. 55, 56")
            let status = try await client.send(.get, "/v1/assessments", as: "admin")
            let purposes = try #require(status.json["purposes"] as? [[String: Any]])
            #expect(purposes.first { $0["purpose"] as? String == "contact-tracing" }?["active"] as? Bool == false)
            let forbidden = try await client.send(.post, "/v1/assessments", as: "epidemiologist", object: Self.body)
            #expect(forbidden.status == .forbidden)
            var unknown = Self.body
            unknown["purpose"] = "face-payments"
            #expect(try await client.send(.post, "/v1/assessments", as: "admin", object: unknown).status == .badRequest)
            var badConclusion = Self.body
            badConclusion["conclusion"] = "fine"
            #expect(try await client.send(.post, "/v1/assessments", as: "admin", object: badConclusion).status == .badRequest)
            #expect(try await server.vault.assessments().isEmpty)
            let created = try await client.send(.post, "/v1/assessments", as: "admin", object: Self.body)
            #expect(created.status == .created && created.json["conclusion"] as? String == "acceptable-with-measures")
            let subject = try await client.collectPerson()
            #expect(subject.hasPrefix("sub_"))
            let export = try await client.send(.get, "/v1/assessments/export", as: "admin")
            #expect(export.status == .ok)
            let verified = try SignedDocument.verify(Data(export.text.utf8), trustedPublicKey: server.vault.signer.publicKeyBase64)
            if case .object(let document) = verified { #expect(document["type"] == .string("pivault-impact-assessments")) } else { Issue.record("export is not an object") }
        }
    }
}
