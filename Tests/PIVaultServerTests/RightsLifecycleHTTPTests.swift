import Foundation
import HTTPTypes
@testable import PIVault
import PIVaultCore
import PIVaultStore
@testable import PIVaultServer
import Testing
import TransparencyLog

@Suite("Rights request lifecycle over HTTP (PIPL Art. 44–50, RFC 9457)")
struct RightsLifecycleHTTPTests {
    static func signed(_ text: Any?, _ vault: Vault) throws -> [String: JSONValue] {
        let document = try SignedDocument.verify(Data(try #require(text as? String).utf8), trustedPublicKey: vault.signer.publicKeyBase64)
        guard case .object(let fields) = document else { throw VaultError(.integrity, "not an object") }
        return fields
    }

    @Test("Art. 50: staff verify, accept and complete over HTTP; steps out of order are 409 problems; subject tokens and roles without the right are 403", arguments: TestEngine.available)
    func lifecycle_Art50(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let vault = server.vault
        try await server.run { client in
            let subject = try await client.collectPerson()
            let token = try await vault.issueSubjectToken(subjectID: subject).token
            let filed = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"explanation"}"#)
            let id = try #require(filed.json["id"] as? String)

            let early = try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin")
            #expect(early.status == .conflict && early.problemType == "urn:pivault:problem:conflict")
            #expect(early.headers[.contentType] == Problem.mediaType && (early.json["detail"] as? String)?.contains("received") == true)
            let bySubject = try await client.send(.post, "/v1/requests/\(id)/verify", bearer: "Bearer \(token)")
            #expect(bySubject.status == .forbidden && bySubject.json["article"] as? String == "PIPL Art. 50")
            #expect(try await client.send(.post, "/v1/requests/\(id)/verify").status == .unauthorized)
            #expect(try await client.send(.post, "/v1/requests/\(id)/accept", as: "support").status == .conflict)

            let verifying = try await client.send(.post, "/v1/requests/\(id)/verify", as: "support", json: #"{"note":"called back on the number on file"}"#)
            #expect(verifying.status == .ok && verifying.json["status"] as? String == "verifying")
            #expect(verifying.json["handler"] as? String == server.tokenIDs["support"])
            let twice = try await client.send(.post, "/v1/requests/\(id)/verify", as: "support")
            #expect(twice.status == .conflict && (twice.json["detail"] as? String)?.contains("verifying") == true)
            #expect(try await client.send(.post, "/v1/requests/\(id)/accept", as: "support", json: #"{"why":"x"}"#).status == .badRequest)
            let accepted = try await client.send(.post, "/v1/requests/\(id)/accept", as: "support")
            #expect(accepted.status == .ok && accepted.json["status"] as? String == "in_progress")

            let notAdmin = try await client.send(.post, "/v1/requests/\(id)/complete", as: "support")
            #expect(notAdmin.status == .forbidden && notAdmin.problemType == "urn:pivault:problem:forbidden")
            let done = try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin")
            #expect(done.status == .ok)
            #expect((done.json["request"] as? [String: Any])?["status"] as? String == "completed")
            let receipt = try Self.signed(done.json["receipt"], vault)
            #expect(receipt["outcome"] == .string("completed") && receipt["article"] == .string("PIPL Art. 48, 24"))
            #expect(try Self.signed(done.json["document"], vault)["format"] == .string("pivault-explanation/1"))
            #expect(try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin").status == .conflict)
            #expect(try await client.send(.post, "/v1/requests/\(id)/refuse", as: "admin", json: #"{"reason":"late","article":"PIPL Art. 50"}"#).status == .conflict)
            #expect(try await client.send(.post, "/v1/requests/req_missing/verify", as: "support").status == .notFound)
            let history = try await client.send(.get, "/v1/requests/\(id)", bearer: "Bearer \(token)")
            #expect((history.json["history"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["received", "verifying", "in_progress", "completed"])
        }
    }

    @Test("Art. 50: a refusal over HTTP needs a reason and a cited rule; the signed receipt carries both and no personal value", arguments: TestEngine.available)
    func refusal_Art50(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let vault = server.vault
        try await server.run { client in
            let subject = try await client.collectPerson()
            let filed = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"deletion"}"#)
            let id = try #require(filed.json["id"] as? String)
            let path = "/v1/requests/\(id)/refuse"
            #expect(try await client.send(.post, path, as: "support", json: #"{"reason":"r","article":"PIPL Art. 47(2)"}"#).status == .forbidden)
            #expect(try await client.send(.post, path, as: "admin").status == .badRequest)
            let missing = try await client.send(.post, path, as: "admin", json: #"{"reason":"kept by law"}"#)
            #expect(missing.status == .badRequest && missing.json["field"] as? String == "article")
            let empty = try await client.send(.post, path, as: "admin", json: #"{"reason":"  ","article":"PIPL Art. 47(2)"}"#)
            #expect(empty.status == .badRequest && empty.json["article"] as? String == "PIPL Art. 50")
            #expect(try await client.send(.post, path, as: "admin", json: #"{"reason":"kept by law","article":"because"}"#).status == .badRequest)
            #expect(try await client.send(.get, "/v1/requests/\(id)", as: "admin").json["status"] as? String == "received")

            let refused = try await client.send(.post, path, as: "admin", json: #"{"reason":"the epidemic-prevention law keeps these records","article":"PIPL Art. 47(2)"}"#)
            #expect(refused.status == .ok && refused.json["document"] == nil)
            let request = try #require(refused.json["request"] as? [String: Any])
            #expect(request["status"] as? String == "refused" && request["refusalArticle"] as? String == "PIPL Art. 47(2)")
            let receipt = try Self.signed(refused.json["receipt"], vault)
            #expect(receipt["outcome"] == .string("refused"))
            #expect(receipt["refusal"] == .object(["reason": .string("the epidemic-prevention law keeps these records"), "article": .string("PIPL Art. 47(2)")]))
            for value in TestServer.personalValues { #expect(!refused.text.contains(value)) }
        }
    }

    @Test("Verified (issue): collect, read under two purposes, file each request type; the access report lists exactly those reads with proofs and the export verifies", arguments: TestEngine.available)
    func endToEnd_Art44to50(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let vault = server.vault
        try await server.run { client in
            let subject = try await client.collectPerson()
            let vaccination = try await client.send(.post, "/v1/records", as: "clinic-staff", object: [
                "standard": "epidemic-registration", "purpose": "vaccination-record", "subject": subject,
                "values": ["name": "张三丰", "resident_id": "11010519491231002X", "vaccination_status": "partial"],
            ])
            #expect(vaccination.status == .created)
            let newsletter = try await client.send(.post, "/v1/records", as: "support", object: [
                "standard": "epidemic-registration", "purpose": "service-newsletter", "subject": subject, "consentGiven": true,
                "values": ["name": "张三丰", "mobile": "13800138000"],
            ])
            #expect(newsletter.status == .created)
            let tracing = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            let clinic = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "clinic-staff", json: #"{"purpose":"vaccination-record"}"#)
            #expect(tracing.status == .ok && clinic.status == .ok)
            let token = try await vault.issueSubjectToken(subjectID: subject).token

            /// Files a request with the subject's token (it starts in progress) and completes it as the administrator.
            func fileAndComplete(_ body: String) async throws -> TestServer.Client.Reply {
                let filed = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)", json: body)
                #expect(filed.status == .created, "\(filed.text)")
                let id = try #require(filed.json["id"] as? String)
                let done = try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin")
                #expect(done.status == .ok, "\(done.text)")
                return done
            }

            let access = try await fileAndComplete(#"{"subject":"\#(subject)","type":"access"}"#)
            let report = try Self.signed(access.json["document"], vault)
            guard case .object(let history)? = report["accessHistory"], case .array(let events)? = history["events"],
                  case .string(let checkpoint)? = history["checkpoint"], case .string(let key)? = history["verifierKey"] else {
                Issue.record("the access report has no access history"); return
            }
            let reads = events.compactMap { event -> String? in
                guard case .object(let fields) = event, fields["type"] == .string("read"), case .string(let purpose)? = fields["purpose"] else { return nil }
                return purpose
            }
            #expect(reads == ["contact-tracing", "vaccination-record"])
            for event in events {
                guard case .object(let fields) = event, let proof = fields["proof"] else { continue }
                _ = try OfflineVerifier.verifyInclusion(checkpoint: Array(checkpoint.utf8), proof: try InclusionProofFile(json: Array(try SignedDocument.canonical(proof))),
                                                        verifiers: [try NoteVerifier(key)])
            }

            for type in ["copy", "portability"] {
                let export = try Self.signed(try await fileAndComplete(#"{"subject":"\#(subject)","type":"\#(type)","recipient":"Other Hospital"}"#).json["document"], vault)
                guard case .object(let manifest)? = export["manifest"] else { Issue.record("no manifest"); continue }
                #expect(manifest["recordCount"] == .number(3))
            }
            _ = try Self.signed(try await fileAndComplete(#"{"subject":"\#(subject)","type":"explanation"}"#).json["document"], vault)
            let record = try #require(vaccination.json["record"] as? String)
            let corrected = try await fileAndComplete(#"{"subject":"\#(subject)","type":"correction","record":"\#(record)","values":{"vaccination_status":"full"}}"#)
            #expect((corrected.json["request"] as? [String: Any])?["status"] as? String == "completed")
            let withdrawn = try await fileAndComplete(#"{"subject":"\#(subject)","type":"withdrawal","purpose":"service-newsletter"}"#)
            #expect((withdrawn.json["request"] as? [String: Any])?["status"] as? String == "completed")
            _ = try await fileAndComplete(#"{"subject":"\#(subject)","type":"restriction","purpose":"vaccination-record"}"#)
            let deleted = try await fileAndComplete(#"{"subject":"\#(subject)","type":"deletion"}"#)
            #expect(try Self.signed(deleted.json["receipt"], vault)["right"] == .string("deletion"))
            let all = try await client.send(.get, "/v1/requests?subject=\(subject)", as: "admin")
            let statuses = (all.json["requests"] as? [[String: Any]])?.compactMap { $0["status"] as? String } ?? []
            #expect(statuses.count == 8 && statuses.allSatisfy { $0 == "completed" })
        }
    }

    @Test("Art. 49: over HTTP a relative's request needs a recorded death and a proof reference, covers only access, copy, correction, deletion, and is never filed with a subject token", arguments: TestEngine.available)
    func relativeRequests_Art49(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        let vault = server.vault
        try await server.run { client in
            let subject = try await client.collectPerson()
            let token = try await vault.issueSubjectToken(subjectID: subject).token
            let living = try await client.send(.post, "/v1/requests", as: "support",
                                               json: #"{"subject":"\#(subject)","type":"access","requester":"relative","relativeReference":"kinship cert 2022-17"}"#)
            #expect(living.status == .forbidden && living.json["article"] as? String == "PIPL Art. 49")
            try await vault.recordDeath(subjectID: subject, reference: "death cert 2022-9", relativesExcluded: false)
            let noProof = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"access","requester":"relative"}"#)
            #expect(noProof.status == .badRequest && noProof.json["article"] as? String == "PIPL Art. 49")
            let wrongRight = try await client.send(.post, "/v1/requests", as: "support",
                                                   json: #"{"subject":"\#(subject)","type":"portability","requester":"relative","relativeReference":"kinship cert 2022-17"}"#)
            #expect(wrongRight.status == .forbidden)
            let viaToken = try await client.send(.post, "/v1/requests", bearer: "Bearer \(token)",
                                                 json: #"{"subject":"\#(subject)","type":"access","requester":"relative","relativeReference":"kinship cert 2022-17"}"#)
            #expect(viaToken.status == .forbidden)
            #expect(try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"access","requester":"cousin"}"#).status == .badRequest)
            let filed = try await client.send(.post, "/v1/requests", as: "support",
                                              json: #"{"subject":"\#(subject)","type":"access","requester":"relative","relativeReference":"kinship cert 2022-17"}"#)
            #expect(filed.status == .created && filed.json["status"] as? String == "received")
            let id = try #require(filed.json["id"] as? String)
            #expect(try await client.send(.post, "/v1/requests/\(id)/verify", as: "support").status == .ok)
            #expect(try await client.send(.post, "/v1/requests/\(id)/accept", as: "support", json: #"{"note":"kinship certificate checked"}"#).status == .ok)
            let done = try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin")
            #expect(done.status == .ok)
            #expect(try Self.signed(done.json["receipt"], vault)["article"] == .string("PIPL Art. 45, 49"))
        }
    }

    @Test("Art. 47: over HTTP, completing a request for a subject erased after filing is a 410 problem; the request stays open and is refused instead", arguments: TestEngine.available)
    func erasedBeforeCompletion_Art47(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine)
        try await server.run { client in
            let subject = try await client.collectPerson()
            let filed = try await client.send(.post, "/v1/requests", as: "support", json: #"{"subject":"\#(subject)","type":"deletion"}"#)
            let id = try #require(filed.json["id"] as? String)
            #expect(try await client.send(.post, "/v1/requests/\(id)/verify", as: "support").status == .ok)
            #expect(try await client.send(.post, "/v1/requests/\(id)/accept", as: "support").status == .ok)
            #expect(try await client.send(.delete, "/v1/subjects/\(subject)", as: "admin").status == .ok)
            let gone = try await client.send(.post, "/v1/requests/\(id)/complete", as: "admin")
            #expect(gone.status == .gone && gone.problemType == "urn:pivault:problem:erased" && gone.json["article"] as? String == "PIPL Art. 47")
            #expect(try await client.send(.get, "/v1/requests/\(id)", as: "admin").json["status"] as? String == "in_progress")
            let refused = try await client.send(.post, "/v1/requests/\(id)/refuse", as: "admin", json: #"{"reason":"the subject was already erased","article":"PIPL Art. 47"}"#)
            #expect(refused.status == .ok)
        }
    }
}
