import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Rights requests: status, due dates, subject tokens, refusals (PIPL Art. 44, 49, 50)")
struct RightsRequestTests {
    static let newsletter: [String: JSONValue] = ["name": .string("李四"), "mobile": .string("13900139001")]

    @Test("Art. 50: a subject token files straight into progress and reaches only its own subject", arguments: TestEngine.available)
    func subjectTokens(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let alice = try await test.collectPerson().subjectID
        let bob = try await test.collectPerson().subjectID
        let token = try await test.vault.issueSubjectToken(subjectID: alice)
        #expect(!token.description.contains(token.token))
        let own = try await test.vault.fileRequest(NewRightsRequest(subjectID: alice, kind: .access), by: .subjectToken(token.token))
        #expect(own.status == .inProgress && own.history.map(\.status) == ["received", "verifying", "in_progress"])
        #expect(own.dueAt == own.receivedAt.addingTimeInterval(15 * 86_400))
        await #expect { try await test.vault.fileRequest(NewRightsRequest(subjectID: bob, kind: .access), by: .subjectToken(token.token)) } throws: {
            ($0 as? VaultError)?.code == .denied && ($0 as? VaultError)?.article == "PIPL Art. 50"
        }
        let bobs = try await test.vault.fileRequest(NewRightsRequest(subjectID: bob, kind: .access), by: .staff("staff-1"))
        await #expect { try await test.vault.request(bobs.id, by: .subjectToken(token.token)) } throws: { ($0 as? VaultError)?.code == .notFound }
        #expect(try await test.vault.requests(by: .subjectToken(token.token)).map(\.id) == [own.id])
        await #expect(throws: VaultError.self) { try await test.vault.requests(subjectID: bob, by: .subjectToken(token.token)) }
        await #expect { try await test.vault.request(own.id, by: .subjectToken("pvs_forged")) } throws: { ($0 as? VaultError)?.code == .denied }
        // Only the hash is stored, a new token revokes the old, and tokens expire.
        let stored = try await test.vault.store.read { try await $0.subjectForToken(hash: token.token, at: test.clock.now()) }
        #expect(stored == nil)
        let second = try await test.vault.issueSubjectToken(subjectID: alice, validFor: 3600)
        await #expect(throws: VaultError.self) { try await test.vault.request(own.id, by: .subjectToken(token.token)) }
        #expect(try await test.vault.request(own.id, by: .subjectToken(second.token)).id == own.id)
        test.clock.advance(by: 3601)
        await #expect(throws: VaultError.self) { try await test.vault.request(own.id, by: .subjectToken(second.token)) }
    }

    @Test("Art. 50: staff requests move received → verifying → in_progress; steps out of order are refused; overdue ones are listed", arguments: TestEngine.available)
    func statusAndDueDates(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let request = try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .explanation, dueDays: 5), by: .staff("staff-1"))
        #expect(request.status == .received && request.dueAt == request.receivedAt.addingTimeInterval(5 * 86_400))
        await #expect { try await test.vault.completeRequest(request.id, handler: "staff-1") } throws: { ($0 as? VaultError)?.code == .conflict }
        await #expect(throws: VaultError.self) { try await test.vault.confirmVerification(request.id, handler: "staff-1") }
        await #expect(throws: VaultError.self) { try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access, dueDays: 0), by: .staff("s")) }
        _ = try await test.vault.startVerification(request.id, handler: "staff-1")
        _ = try await test.vault.confirmVerification(request.id, handler: "staff-2", note: "ID card checked at the counter")
        #expect(try await test.vault.requests(overdue: true, by: .staff("lead")).isEmpty)
        test.clock.advance(by: 6 * 86_400)
        let overdue = try await test.vault.requests(overdue: true, by: .staff("lead"))
        #expect(overdue.map(\.id) == [request.id] && overdue[0].overdue)
        #expect(try await test.vault.requests(status: .inProgress, by: .staff("lead")).count == 1)
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-2")
        #expect(outcome.request.status == .completed && outcome.request.handler == "staff-2")
        #expect(try await test.vault.requests(overdue: true, by: .staff("lead")).isEmpty)
        let receipt = try SignedDocument.verify(Data(outcome.receipt.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let fields) = receipt else { Issue.record("receipt is not an object"); return }
        #expect(fields["answeredInTime"] == .bool(false) && fields["article"] == .string("PIPL Art. 48, 24"))
        // Art. 48, 24: the explanation lists the rules of each purpose that applies, with its notice in both languages.
        let explanation = try SignedDocument.verify(Data(try #require(outcome.document).utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let doc) = explanation, case .array(let purposes)? = doc["purposes"], case .object(let first)? = purposes.first,
              case .object(let notice)? = first["notice"] else { Issue.record("explanation has no purposes"); return }
        #expect(purposes.count == 1 && first["purpose"] == .string("contact-tracing") && first["legalBasisArticle"] == .string("PIPL Art. 13(4)"))
        #expect(notice["zh-CN"].map { "\($0)".contains("告知书") } == true && notice["en"].map { "\($0)".contains("Contact tracing") } == true)
    }

    @Test("Art. 50: a refusal needs a reason and a rule, and yields a signed receipt", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let request = try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .deletion), by: .staff("staff-1"))
        await #expect { try await test.vault.refuseRequest(request.id, handler: "staff-1", reason: "  ", article: "PIPL Art. 47(2)") } throws: {
            ($0 as? VaultError)?.code == .invalidInput && ($0 as? VaultError)?.article == "PIPL Art. 50"
        }
        await #expect(throws: VaultError.self) { try await test.vault.refuseRequest(request.id, handler: "staff-1", reason: "outbreak ongoing", article: "because") }
        await #expect(throws: VaultError.self) { try await test.vault.refuseRequest(request.id, handler: "", reason: "outbreak ongoing", article: "PIPL Art. 18") }
        #expect(try await test.vault.request(request.id, by: .staff("s")).status == .received)
        let outcome = try await test.vault.refuseRequest(request.id, handler: "staff-1", reason: "the declared outbreak still requires the record", article: "PIPL Art. 13(4), 47(2)")
        #expect(outcome.request.status == .refused && outcome.request.refusalArticle == "PIPL Art. 13(4), 47(2)")
        let receipt = try SignedDocument.verify(Data(outcome.receipt.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let fields) = receipt, case .object(let refusal)? = fields["refusal"] else { Issue.record("no refusal in receipt"); return }
        #expect(refusal["reason"] == .string("the declared outbreak still requires the record"))
        await #expect { try await test.vault.completeRequest(request.id, handler: "staff-1") } throws: { ($0 as? VaultError)?.code == .conflict }
        await #expect(throws: VaultError.self) { try await test.vault.refuseRequest(request.id, handler: "staff-1", reason: "again", article: "PIPL Art. 50") }
        #expect(RightsRequest.Kind(rawValue: "forget-me") == nil)
        #expect(try await test.read(subject).records.count == 1)
    }

    @Test("Art. 49: a close relative of a deceased subject may ask for access, copy, correction or deletion only, with proof", arguments: TestEngine.available)
    func relatives(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let access = NewRightsRequest(subjectID: subject, kind: .access, requester: .relative, relativeReference: "kinship-proof-2022-031")
        await #expect { try await test.vault.fileRequest(access, by: .staff("staff-1")) } throws: { ($0 as? VaultError)?.article == "PIPL Art. 49" }
        await #expect(throws: VaultError.self) { try await test.vault.recordDeath(subjectID: subject, reference: "", relativesExcluded: false) }
        try await test.vault.recordDeath(subjectID: subject, reference: "death-cert-2022-118", relativesExcluded: false)
        await #expect(throws: VaultError.self) {
            try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .explanation, requester: .relative, relativeReference: "kinship-proof"), by: .staff("s"))
        }
        await #expect(throws: VaultError.self) { try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access, requester: .relative), by: .staff("s")) }
        let token = try await test.vault.issueSubjectToken(subjectID: subject)
        await #expect(throws: VaultError.self) { try await test.vault.fileRequest(access, by: .subjectToken(token.token)) }
        let filed = try await test.vault.fileRequest(access, by: .staff("staff-1"))
        #expect(filed.status == .received && filed.requester == .relative && filed.relativeReference == "kinship-proof-2022-031")
        _ = try await test.vault.startVerification(filed.id, handler: "staff-1")
        _ = try await test.vault.confirmVerification(filed.id, handler: "staff-1", note: "kinship and interest proven")
        let outcome = try await test.vault.completeRequest(filed.id, handler: "staff-1")
        #expect(outcome.receipt.contains("PIPL Art. 45, 49"))
        // The deceased may have excluded relatives while alive.
        try await test.vault.recordDeath(subjectID: subject, reference: "death-cert-2022-118", relativesExcluded: true)
        await #expect { try await test.vault.fileRequest(access, by: .staff("staff-1")) } throws: { ($0 as? VaultError)?.message.contains("arranged otherwise") == true }
    }
}

/// Moves a staff-filed request to in progress.
func verified(_ request: RightsRequest, in vault: Vault) async throws -> RightsRequest {
    _ = try await vault.startVerification(request.id, handler: "staff-1")
    return try await vault.confirmVerification(request.id, handler: "staff-1")
}
