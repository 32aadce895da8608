import Foundation
import PIVault
import HTTPTypes
import PIVaultCore
@testable import PIVaultServer
import Testing

/// The HTTP suite, run on SQLite and — when PIVAULT_TEST_POSTGRES_URL is set — PostgreSQL.
@Suite("HTTP API contract on every engine")
struct HTTPContractTests {
    @Test("Art. 6: collect, then a purpose-bound read returns permitted values, masks and per-field denials", arguments: TestEngine.available)
    func collectThenRead_Art6(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let collected = try await client.send(.post, "/v1/records", as: "epidemiologist", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "values": TestServer.person,
            ])
            #expect(collected.status == .created)
            let subject = try #require(collected.json["subject"] as? String)
            #expect(subject.hasPrefix("sub_"))
            #expect(collected.json["newSubject"] as? Bool == true)
            #expect(collected.json["retainUntil"] as? String != nil)

            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist",
                                             json: #"{"purpose":"contact-tracing","fields":["name","resident_id","date_of_birth"]}"#)
            #expect(read.status == .ok)
            #expect(read.json["outcome"] as? String == "partial")
            #expect(read.json["basis"] as? String == "public-health-emergency")
            let records = try #require(read.json["records"] as? [[String: Any]])
            #expect(records.count == 1)
            let values = try #require(records.first?["values"] as? [String: Any])
            #expect(values["name"] as? String == "张三丰")
            #expect(values["resident_id"] == nil, "resident_id is masked, never in clear")
            let masked = try #require(records.first?["masked"] as? [String: String])
            #expect(masked["resident_id"] == "110105********002X")
            let denials = try #require(read.json["denials"] as? [[String: Any]])
            #expect(denials.count == 1)
            #expect(denials.first?["field"] as? String == "date_of_birth")
            #expect(denials.first?["article"] as? String == "PIPL Art. 6")

            // RFC 3986 §2.1: a percent-encoded id names the same subject.
            let encoded = "%73" + subject.dropFirst()
            let escaped = try await client.send(.post, "/v1/subjects/\(encoded)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing","fields":["name"]}"#)
            #expect(escaped.status == .ok)
            #expect(escaped.json["subject"] as? String == subject)
            #expect((escaped.json["records"] as? [[String: Any]])?.first?["values"] as? [String: String] == ["name": "张三丰"])
        }
    }

    @Test("Art. 51: a role may only use the purposes the configuration grants it (403, not 401)", arguments: TestEngine.available)
    func rolesAreBoundToPurposes_Art51(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"contact-tracing"}"#)
            #expect(read.status == .forbidden)
            #expect(read.problemType == "urn:pivault:problem:forbidden")
            #expect(read.json["article"] as? String == "PIPL Art. 51")
            #expect(read.headers[.contentType] == "application/problem+json")

            let collect = try await client.send(.post, "/v1/records", as: "clinic-staff", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "values": TestServer.person,
            ])
            #expect(collect.status == .forbidden)

            let admin = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "admin", json: #"{"purpose":"contact-tracing"}"#)
            #expect(admin.status == .forbidden, "an administrator is granted no purpose, so it reads nothing")

            let erase = try await client.send(.delete, "/v1/subjects/\(subject)", as: "epidemiologist")
            #expect(erase.status == .forbidden)
            let keys = try await client.send(.get, "/v1/keys", as: "clinic-staff")
            #expect(keys.status == .forbidden)
        }
    }

    @Test("RFC 6750 §3: no token, a malformed header and an unknown token are 401 with a Bearer challenge", arguments: TestEngine.available)
    func unauthenticatedIs401(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let none = try await client.send(.get, "/v1/me")
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer realm=\"pivault\"")
            #expect(none.problemType == "urn:pivault:problem:unauthenticated")

            let basic = try await client.send(.get, "/v1/me", bearer: "Basic dXNlcjpwYXNz")
            #expect(basic.status == .unauthorized)

            let unknown = try await client.send(.get, "/v1/me", bearer: "Bearer " + TokenSecret.generate().reveal())
            #expect(unknown.status == .unauthorized)
            #expect(unknown.headers[.wwwAuthenticate]?.contains("invalid_token") == true)

            let me = try await client.send(.get, "/v1/me", as: "epidemiologist")
            #expect(me.status == .ok)
            #expect(me.json["role"] as? String == "epidemiologist")
            #expect(me.json["purposes"] as? [String] == ["contact-tracing"])
        }
    }

    @Test("RFC 9110 §5.6.3: spaces and tabs around the token are optional whitespace; anything else stays part of it", arguments: TestEngine.available)
    func blanksAroundTheToken(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let tokens = APITokens(store: server.vault.store, configuration: server.vault.configuration, clock: server.clock)
        let secret = try await tokens.create(role: "epidemiologist", name: "padded").secret.reveal()
        try await server.run { client in
            #expect(try await client.send(.get, "/v1/me", bearer: "Bearer \t  " + secret).status == .ok)
            #expect(try await client.send(.get, "/v1/me", bearer: "bearer " + secret + "\t").status == .ok)
            let glued = try await client.send(.get, "/v1/me", bearer: "Bearer " + secret + "x")
            #expect(glued.status == .unauthorized)
            #expect(glued.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            let blank = try await client.send(.get, "/v1/me", bearer: "Bearer \t ")
            #expect(blank.status == .unauthorized)
        }
    }

    @Test("Revoked and expired tokens stop working", arguments: TestEngine.available)
    func revokedAndExpiredTokens(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let tokens = APITokens(store: server.vault.store, configuration: server.vault.configuration, clock: server.clock)
        let shortLived = try await tokens.create(role: "epidemiologist", name: "short", expiresAt: server.clock.now().addingTimeInterval(3600))
        try await server.run { client in
            #expect(try await client.send(.get, "/v1/me", bearer: "Bearer " + shortLived.secret.reveal()).status == .ok)
            server.clock.advance(by: 3601)
            #expect(try await client.send(.get, "/v1/me", bearer: "Bearer " + shortLived.secret.reveal()).status == .unauthorized)

            try await tokens.revoke(id: server.tokenIDs["support"]!)
            server.clock.advance(by: 2)  // past the token cache
            #expect(try await client.send(.get, "/v1/me", as: "support").status == .unauthorized)
            #expect(try await client.send(.get, "/v1/me", as: "epidemiologist").status == .ok)
        }
    }

    @Test("Art. 14–15: consent at collection permits the read; withdrawal denies every later read", arguments: TestEngine.available)
    func consentAndWithdrawal_Art15(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let refused = try await client.send(.post, "/v1/records", as: "support", object: [
                "standard": "epidemic-registration", "purpose": "service-newsletter",
                "values": ["name": "李四", "mobile": "13900139000"],
            ])
            #expect(refused.status == .forbidden, "no consent, no collection for a consent-based purpose")
            #expect((refused.json["article"] as? String)?.contains("13(1)") == true)

            let collected = try await client.send(.post, "/v1/records", as: "support", object: [
                "standard": "epidemic-registration", "purpose": "service-newsletter", "consentGiven": true,
                "values": ["name": "李四", "mobile": "13900139000"],
            ])
            #expect(collected.status == .created)
            let subject = try #require(collected.json["subject"] as? String)
            let before = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"service-newsletter"}"#)
            #expect(before.json["outcome"] as? String == "permit")

            let withdrawn = try await client.send(.delete, "/v1/subjects/\(subject)/consents/service-newsletter", as: "support")
            #expect(withdrawn.status == .ok)
            #expect(withdrawn.json["article"] as? String == "PIPL Art. 15")
            let after = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"service-newsletter"}"#)
            #expect(after.status == .ok)
            #expect(after.json["outcome"] as? String == "deny")
            let denial = try #require((after.json["denials"] as? [[String: Any]])?.first)
            #expect(denial["article"] as? String == "PIPL Art. 15")
            #expect((after.json["records"] as? [Any])?.isEmpty == true)

            let again = try await client.send(.delete, "/v1/subjects/\(subject)/consents/service-newsletter", as: "support")
            #expect(again.status == .notFound)
            let granted = try await client.send(.post, "/v1/subjects/\(subject)/consents", as: "support", json: #"{"purpose":"service-newsletter"}"#)
            #expect(granted.status == .created)
            let reread = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"service-newsletter"}"#)
            #expect(reread.json["outcome"] as? String == "permit")
        }
    }

    @Test("Art. 47: an administrator erases a subject; later reads and collections answer 410", arguments: TestEngine.available)
    func erasure_Art47(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let erased = try await client.send(.delete, "/v1/subjects/\(subject)", as: "admin")
            #expect(erased.status == .ok)
            #expect(erased.json["recordsDeleted"] as? Int == 1)
            #expect(erased.json["article"] as? String == "PIPL Art. 47")
            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            #expect(read.status == .gone)
            #expect(read.problemType == "urn:pivault:problem:erased")
            let collect = try await client.send(.post, "/v1/records", as: "epidemiologist", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "subject": subject, "values": TestServer.person,
            ])
            #expect(collect.status == .gone)
            let missing = try await client.send(.delete, "/v1/subjects/sub_doesnotexist", as: "admin")
            #expect(missing.status == .notFound)
        }
    }

    @Test("Subjects are found by exact value through the blind index, with the value only in the body", arguments: TestEngine.available)
    func searchByBlindIndex(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let found = try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", json: #"{"kind":"mobile","value":"+86 138 0013 8000"}"#)
            #expect(found.status == .ok)
            #expect(found.json["subjects"] as? [String] == [subject])
            let byID = try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", json: #"{"kind":"resident-id","value":"11010519491231002x"}"#)
            #expect(byID.json["subjects"] as? [String] == [subject])
            let bad = try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", json: #"{"kind":"mobile","value":"12"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.json["field"] as? String == "mobile")
            let kind = try await client.send(.post, "/v1/subjects/search", as: "epidemiologist", json: #"{"kind":"name","value":"x"}"#)
            #expect(kind.status == .badRequest)
            let created = try await client.send(.post, "/v1/subjects", as: "epidemiologist")
            #expect(created.status == .created)
            #expect((created.json["subject"] as? String)?.hasPrefix("sub_") == true)
        }
    }

    @Test("Art. 13(4): emergencies are declared and ended by administrators; reads resting on one stop when it ends", arguments: TestEngine.available)
    func emergencies_Art13_4(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, emergency: false)
        try await server.run { client in
            let refused = try await client.send(.post, "/v1/records", as: "epidemiologist", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "values": TestServer.person,
            ])
            #expect(refused.status == .forbidden)
            #expect(refused.json["article"] as? String == "PIPL Art. 13(4)")
            let notAdmin = try await client.send(.post, "/v1/emergencies", as: "epidemiologist",
                                                 json: #"{"name":"Outbreak","legalReference":"Notice 1","purposes":["contact-tracing"]}"#)
            #expect(notAdmin.status == .forbidden)
            let declared = try await client.send(.post, "/v1/emergencies", as: "admin",
                                                 json: #"{"name":"Outbreak","legalReference":"Notice 1","purposes":["contact-tracing"],"endsAt":"2030-01-01T00:00:00Z"}"#)
            #expect(declared.status == .created)
            let id = try #require(declared.json["id"] as? String)
            #expect(declared.json["active"] as? Bool == true)
            server.clock.advance(by: 1)
            let subject = try await client.collectPerson()
            let list = try await client.send(.get, "/v1/emergencies", as: "epidemiologist")
            #expect((list.json["emergencies"] as? [[String: Any]])?.count == 1)
            let ended = try await client.send(.post, "/v1/emergencies/\(id)/end", as: "admin")
            #expect(ended.status == .ok)
            #expect(ended.json["active"] as? Bool == false)
            server.clock.advance(by: 1)
            let read = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            #expect(read.json["outcome"] as? String == "deny")
            #expect((read.json["denials"] as? [[String: Any]])?.first?["article"] as? String == "PIPL Art. 13(4)")
            let wrongBasis = try await client.send(.post, "/v1/emergencies", as: "admin",
                                                   json: #"{"name":"x","legalReference":"y","purposes":["service-newsletter"]}"#)
            #expect(wrongBasis.status == .badRequest)
            let badDate = try await client.send(.post, "/v1/emergencies", as: "admin",
                                                json: #"{"name":"x","legalReference":"y","purposes":["contact-tracing"],"endsAt":"tomorrow"}"#)
            #expect(badDate.status == .badRequest)
            #expect(badDate.json["field"] as? String == "endsAt")
        }
    }

    @Test("Configuration is readable by any token; keys only by administrators", arguments: TestEngine.available)
    func configurationAndKeys(engine: TestEngine) async throws {
        let directory = NSTemporaryDirectory() + "pivault-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await TestServer.make(engine, keySource: .file(.init(path: directory + "/master.keys")))
        try await server.run { client in
            let standards = try await client.send(.get, "/v1/configuration/standards", as: "support")
            #expect((standards.json["standards"] as? [[String: Any]])?.map { $0["id"] as? String } == ["epidemic-registration", "venue-checkin"])
            let purposes = try await client.send(.get, "/v1/configuration/purposes", as: "support")
            let tracing = (purposes.json["purposes"] as? [[String: Any]])?.first { $0["id"] as? String == "contact-tracing" }
            #expect(tracing?["article"] as? String == "PIPL Art. 13(4)")
            let categories = try await client.send(.get, "/v1/configuration/categories", as: "support")
            let health = (categories.json["categories"] as? [[String: Any]])?.first { $0["id"] as? String == "health" }
            #expect(health?["sensitive"] as? Bool == true)

            _ = try await client.collectPerson()
            let status = try await client.send(.get, "/v1/keys", as: "admin")
            #expect(status.status == .ok)
            #expect(status.json["subjects"] as? Int == 1)
            let rotated = try await client.send(.post, "/v1/keys/rotate", as: "admin")
            #expect(rotated.status == .ok)
            #expect(rotated.json["activeVersion"] as? Int == 2)
            #expect(rotated.json["rewrapped"] as? Int == 1)
            #expect(FileManager.default.fileExists(atPath: directory + "/master.keys"))
            let missing = try await client.send(.post, "/v1/keys/rotate", as: "admin", json: #"{"to":9}"#)
            #expect(missing.status == .conflict)
        }
    }
}
