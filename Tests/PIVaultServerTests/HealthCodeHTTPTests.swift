import Foundation
import HTTPTypes
import HealthCode
import PIVault
import PIVaultCore
@testable import PIVaultServer
import Testing

@Suite("Health codes over HTTP: issue, render, revoke, publish (PIPL Art. 6, 13(4), 51)")
struct HealthCodeHTTPTests {
    @Test("POST /v1/healthcodes issues an identity-free code; GET …/{code}.png renders it for roles granted its purpose", arguments: TestEngine.available)
    func issueAndRender(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        _ = try await server.vault.createHealthCodeIssuer(name: "Wuhan Health Commission")
        let now = Int64(server.clock.now().timeIntervalSince1970)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let issued = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: [
                "subject": subject, "status": "green", "purpose": "vaccination-record", "validFor": "12h",
            ])
            #expect(issued.status == .created)
            #expect(issued.json["subject"] == nil, "the response does not link the code to the subject")
            let code = try #require(issued.json["code"] as? String)
            let hc1 = try #require(issued.json["hc1"] as? String)
            for value in TestServer.personalValues + [subject] { #expect(!issued.text.contains(value)) }

            let trust = try await client.send(.get, "/v1/healthcodes/trust-list", as: "support")
            #expect(trust.status == .ok)
            let verifier = HealthCodeVerifier(trustList: try TrustList(pemEncoded: trust.text), clock: .fixed(now))
            #expect(try verifier.verifyCredential(hc1).get().codeID.rawValue == code)

            let png = try await client.send(.get, "/v1/healthcodes/\(code).png", as: "clinic-staff")
            #expect(png.status == .ok)
            #expect(png.headers[.contentType] == "image/png")
            #expect(png.text.contains("PNG") && png.text.contains("IEND"))
            let other = try await client.send(.get, "/v1/healthcodes/\(code).png", as: "epidemiologist")
            #expect(other.status == .forbidden)
            let unknown = try await client.send(.get, "/v1/healthcodes/\(String(repeating: "0", count: 32)).png", as: "clinic-staff")
            #expect(unknown.status == .notFound)
            let malformed = try await client.send(.get, "/v1/healthcodes/nope.png", as: "clinic-staff")
            #expect(malformed.status == .badRequest)
        }
    }

    @Test("Art. 51 and 13(4): an ungranted role is refused, a status change outside an emergency purpose is refused, bad input is 400", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        _ = try await server.vault.createHealthCodeIssuer(name: "Wuhan Health Commission")
        try await server.run { client in
            let subject = try await client.collectPerson()
            let denied = try await client.send(.post, "/v1/healthcodes", as: "support", object: ["subject": subject, "status": "green", "purpose": "contact-tracing"])
            #expect(denied.status == .forbidden)
            #expect(denied.json["article"] as? String == "PIPL Art. 51")
            let change = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: ["subject": subject, "status": "red", "purpose": "vaccination-record"])
            #expect(change.status == .forbidden)
            #expect(change.json["article"] as? String == "PIPL Art. 13(4)")
            let emergency = try await client.send(.post, "/v1/healthcodes", as: "epidemiologist", object: ["subject": subject, "status": "red", "purpose": "contact-tracing"])
            #expect(emergency.status == .created)
            let status = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: ["subject": subject, "status": "blue", "purpose": "vaccination-record"])
            #expect(status.status == .badRequest)
            #expect(status.json["field"] as? String == "status")
            let duration = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: ["subject": subject, "status": "red", "purpose": "vaccination-record", "validFor": "forever"])
            #expect(duration.status == .badRequest)
            let extra = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: ["subject": subject, "status": "red", "purpose": "vaccination-record", "name": "x"])
            #expect(extra.status == .badRequest)
        }
    }

    @Test("Revocation: administrators revoke; the published list holds only hashes and makes verification fail at the revocation step", arguments: TestEngine.available)
    func revocation(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        _ = try await server.vault.createHealthCodeIssuer(name: "Wuhan Health Commission")
        let now = Int64(server.clock.now().timeIntervalSince1970)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let issued = try await client.send(.post, "/v1/healthcodes", as: "clinic-staff", object: ["subject": subject, "status": "green", "purpose": "vaccination-record"])
            let code = try #require(issued.json["code"] as? String)
            let hc1 = try #require(issued.json["hc1"] as? String)
            #expect(try await client.send(.post, "/v1/healthcodes/\(code)/revoke", as: "clinic-staff").status == .forbidden)
            #expect(try await client.send(.post, "/v1/healthcodes/\(code)/revoke", as: "admin").status == .ok)
            let list = try await client.send(.get, "/v1/healthcodes/revocations", as: "support")
            #expect(list.status == .ok)
            #expect(!list.text.contains(code))
            let trust = try await client.send(.get, "/v1/healthcodes/trust-list", as: "support")
            let verifier = HealthCodeVerifier(trustList: try TrustList(pemEncoded: trust.text), revocationList: try RevocationList(textEncoded: list.text), clock: .fixed(now))
            guard case .failure(let failure) = verifier.verify(hc1) else {
                Issue.record("a revoked code verified")
                return
            }
            #expect(failure.step == .revocation)
        }
    }
}
