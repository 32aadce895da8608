import Foundation
import PIVault
import HTTPTypes
import PIVaultCore
@testable import PIVaultServer
import PIVaultStore
import Testing

@Suite("No personal data, token or key in server logs or problem bodies (PIPL Art. 51)")
struct PrivacyTests {
    @Test("Art. 51: request logs and problems carry ids, routes and statuses — never collected values or secrets", arguments: TestEngine.available)
    func noPersonalDataInLogsOrProblems(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let problems = try await server.run { client -> [String] in
            var bodies: [String] = []
            let subject = try await client.collectPerson()
            _ = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            _ = try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", json: #"{"kind":"mobile","value":"13800138000"}"#)
            var bad = TestServer.person
            bad["resident_id"] = "11010519491231002Y"
            bad["mobile"] = "1111111"
            for values in [bad, TestServer.person.merging(["unknown_field": "张三丰"]) { $1 }] {
                let reply = try await client.send(.post, "/v1/records", as: "epidemiologist", object: [
                    "standard": "epidemic-registration", "purpose": "contact-tracing", "values": values,
                ])
                #expect(reply.status == .badRequest)
                bodies.append(reply.text)
            }
            for (kind, value) in [("resident-id", "11010519491231002Y"), ("mobile", "1111111")] {
                bodies.append(try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", object: ["kind": kind, "value": value]).text)
            }
            bodies.append(try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"contact-tracing"}"#).text)
            bodies.append(try await client.send(.post, "/v1/records", as: "support", object: [
                "standard": "epidemic-registration", "purpose": "service-newsletter", "values": ["name": "张三丰", "mobile": "13800138000"],
            ]).text)
            _ = try await client.send(.delete, "/v1/subjects/\(subject)", as: "admin")
            bodies.append(try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#).text)
            return bodies
        }
        #expect(problems.count == 7)
        let logs = server.logs.all
        let requestLines = logs.filter { $0.contains(" request ") }
        #expect(requestLines.count >= 10)
        for line in requestLines {
            #expect(line.contains("hb.request.id") && line.contains("route") && line.contains("status") && line.contains("duration_ms") && line.contains("actor"), "\(line)")
        }
        #expect(requestLines.contains { $0.contains(server.tokenIDs["epidemiologist"]!) }, "the actor is the token id")
        let secrets = Array(server.tokens.values)
        for line in logs + problems {
            for value in TestServer.personalValues + ["+8613800138000", "11010519491231002Y", "1111111"] + secrets {
                #expect(!line.contains(value), "leaked into: \(line.prefix(120))")
            }
        }
    }

    @Test("Token secrets print as <redacted> and only their SHA-256 reaches the database")
    func tokenSecretsAreNeverStored() async throws {
        let server = try await TestServer.make(.sqlite)
        let secret = TokenSecret.generate()
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(Mirror(reflecting: secret).children.isEmpty)
        #expect(secret.reveal().hasPrefix("pvt_") && secret.reveal().count == 47, "pvt_ + 43 base64url characters = 256 bits")
        #expect(secret.isWellFormed)
        #expect(Set((0..<100).map { _ in TokenSecret.generate().reveal() }).count == 100)
        let rows = try await server.vault.store.read { try await $0.tokens() }
        #expect(rows.count == server.tokens.count)
        for row in rows {
            let plain = server.tokens[row.role]!
            #expect(row.hash == TokenSecret(plain).hash)
            #expect(row.hash.count == 64)
            #expect(row.hash != plain)
        }
        try await server.vault.close()
        var bytes = Data()
        for suffix in ["", "-wal"] { bytes += FileManager.default.contents(atPath: server.directory + "/vault.sqlite" + suffix) ?? Data() }
        for plain in server.tokens.values { #expect(bytes.range(of: Data(plain.utf8)) == nil, "a token secret is in the database file") }
        await server.cleanUp()
    }

    @Test("Tokens need a declared role; the first admin token is created once")
    func tokenRules() async throws {
        let server = try await TestServer.make(.sqlite)
        let tokens = APITokens(store: server.vault.store, configuration: server.vault.configuration, clock: server.clock)
        await #expect(throws: VaultError.self) { _ = try await tokens.create(role: "superuser", name: "x") }
        await #expect(throws: VaultError.self) { _ = try await tokens.create(role: "support", name: "  ") }
        await #expect(throws: VaultError.self) { _ = try await tokens.create(role: "support", name: "x", expiresAt: server.clock.now().addingTimeInterval(-1)) }
        #expect(try await tokens.createFirstAdminToken() == nil, "tokens exist already")
        let list = try await tokens.list()
        let target = try #require(list.first)
        try await tokens.revoke(id: target.id)
        await #expect(throws: VaultError.self) { try await tokens.revoke(id: target.id) }
        try await server.vault.close()
        await server.cleanUp()
    }
}
