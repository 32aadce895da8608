import Foundation
import HTTPTypes
import PIVault
import PIVaultCore
import PIVaultStore
@testable import PIVaultServer
import Testing

@Suite("Rights requests over HTTP (PIPL Art. 44–50)")
struct RightsHTTPTests {
    @Test("Art. 50: a subject token files and follows only its own requests; staff see the queue and the overdue filter", arguments: TestEngine.available)
    func subjectTokenAndQueue_Art50(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let vault = server.vault
        let clock = server.clock
        try await server.run { client in
            let alice = try await client.collectPerson()
            let bob = try await client.collectPerson()
            let token = try await vault.issueSubjectToken(subjectID: alice).token
            let filed = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)", json: #"{"subject":"\#(alice)","type":"access"}"#)
            #expect(filed.status == .created)
            #expect(filed.json["status"] as? String == "in_progress")
            let id = try #require(filed.json["id"] as? String)

            let foreign = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)", json: #"{"subject":"\#(bob)","type":"access"}"#)
            #expect(foreign.status == .forbidden && foreign.json["article"] as? String == "PIPL Art. 50")
            let staffFiled = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(bob)","type":"deletion","dueDays":3}"#)
            #expect(staffFiled.status == .created && staffFiled.json["status"] as? String == "received")
            let bobsID = try #require(staffFiled.json["id"] as? String)
            #expect(try await client.send(.get, "/v1/requests/\(bobsID)", bearer: "Bearer \(token)").status == .notFound)
            #expect(try await client.send(.get, "/v1/requests/\(id)", bearer: "Bearer \(token)").json["kind"] as? String == "access")
            #expect(try await client.send(.get, "/v1/requests/\(id)", bearer: "Bearer pvs_forged").status == .forbidden)
            #expect(try await client.send(.get, "/v1/requests/\(id)").status == .unauthorized)

            let own = try await client.send(.get, "/v1/requests", bearer: "Bearer \(token)")
            #expect((own.json["requests"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            clock.advance(by: 4 * 86_400)
            let overdue = try await client.send(.get, "/v1/requests?status=received&overdue=true", as: "admin")
            #expect((overdue.json["requests"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [bobsID])
            #expect(try await client.send(.get, "/v1/requests?status=lost", as: "admin").status == .badRequest)
        }
    }

    @Test("Bad input: unknown types, unknown members and invalid corrections are 400s that never echo the value", arguments: TestEngine.available)
    func badInput_Art46(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let unknown = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"forget-me"}"#)
            #expect(unknown.status == .badRequest && unknown.json["field"] as? String == "type")
            let member = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"access","why":"x"}"#)
            #expect(member.status == .badRequest)
            let search = try await client.send(.get, "/v1/requests?subject=\(subject)", as: "support")
            #expect((search.json["requests"] as? [Any])?.isEmpty == true)
            let record = try await server.vault.store.read { try await $0.recordSummaries(subjectID: subject) }.first!.recordID
            let invalid = try await client.send(.post, "/v1/requests", as: "support",
                                                json: #"{"subject":"\#(subject)","type":"correction","record":"\#(record)","values":{"mobile":"99999"}}"#)
            #expect(invalid.status == .badRequest && invalid.json["field"] as? String == "mobile" && !invalid.text.contains("99999"))
            let erased = try await client.send(.delete, "/v1/subjects/\(subject)", as: "admin")
            #expect(erased.status == .ok)
            #expect(try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"deletion"}"#).status == .gone)
        }
    }
}
