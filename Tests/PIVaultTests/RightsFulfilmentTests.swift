import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Fulfilling rights requests (PIPL Art. 15, 44–47)")
struct RightsFulfilmentTests {
    static let newsletter: [String: JSONValue] = ["name": .string("张三丰"), "mobile": .string("13800138000")]
    static let vaccination: [String: JSONValue] = ["name": .string("张三丰"), "resident_id": .string("11010519491231002X"), "vaccination_status": .string("partial")]

    /// A subject with a contact-tracing record and a consent-based newsletter record.
    static func subjectWithTwoRecords(_ test: TestVault) async throws -> String {
        let subject = try await test.collectPerson().subjectID
        test.clock.advance(by: 1)
        _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", subjectID: subject, values: newsletter, consentGiven: true))
        return subject
    }

    func object(_ text: String?, _ test: TestVault) throws -> [String: JSONValue] {
        let document = try SignedDocument.verify(Data(try #require(text).utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let fields) = document else { throw VaultError(.integrity, "not an object") }
        return fields
    }

    @Test("Art. 45: the access report lists every record with purpose, basis, times and values, consents with notice versions, in zh-CN and en", arguments: TestEngine.available)
    func accessReport(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, yaml: LawConfiguration.yaml)
        defer { Task { await test.finish() } }
        let subject = try await Self.subjectWithTwoRecords(test)
        let token = try await test.vault.issueSubjectToken(subjectID: subject)
        let request = try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access), by: .subjectToken(token.token))
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-1")
        let report = try object(outcome.document, test)
        guard case .array(let records)? = report["records"], case .array(let consents)? = report["consents"], case .object(let text)? = report["text"] else {
            Issue.record("report is incomplete"); return
        }
        #expect(records.count == 2 && consents.count == 1)
        let purposes = records.compactMap { record -> String? in if case .object(let f) = record, case .string(let p)? = f["purpose"] { return p }; return nil }
        #expect(Set(purposes) == ["contact-tracing", "service-newsletter"])
        guard case .object(let first)? = records.first, case .object(let values)? = first["values"] else { Issue.record("no values"); return }
        #expect(first["legalBasisArticle"] == .string("PIPL Art. 13(4)") && first["retainUntil"] != nil && first["collectedAt"] != nil)
        #expect(values["resident_id"] == .string("11010519491231002X"))
        guard case .object(let consent)? = consents.first else { Issue.record("no consent"); return }
        #expect(consent["noticeVersion"] == .string(test.vault.notices.versions["service-newsletter"]!))
        #expect(text["zh-CN"].map { "\($0)".contains("查阅报告") } == true && text["en"].map { "\($0)".contains("Records held: 2") } == true)
        // The receipt states what was done and carries no personal value; it binds the report by hash.
        let receipt = try object(outcome.receipt, test)
        #expect(receipt["documentSHA256"] == .string(Vault.sha256Hex(Data(outcome.document!.utf8))))
        for value in TestVault.personalValues { #expect(!outcome.receipt.contains(value)) }
        for line in test.logs.all { for value in TestVault.personalValues { #expect(!line.contains(value)) } }
    }

    @Test("Art. 45: copy and portability give a signed JSON export with a manifest that verifies offline and fails when altered", arguments: TestEngine.available)
    func export(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await Self.subjectWithTwoRecords(test)
        for kind in [RightsRequest.Kind.copy, .portability] {
            let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: kind, recipient: "Other Hospital"), by: .staff("s")), in: test.vault)
            let document = try #require(try await test.vault.completeRequest(request.id, handler: "staff-1").document)
            let export = try object(document, test)
            guard case .object(let manifest)? = export["manifest"], case .array(let entries)? = manifest["records"], case .array(let records)? = export["records"] else {
                Issue.record("export is incomplete"); continue
            }
            #expect(manifest["recordCount"] == .number(2) && entries.count == 2)
            for (entry, record) in zip(entries, records) {
                guard case .object(let e) = entry, case .object(let r) = record, let values = r["values"] else { continue }
                #expect(e["sha256"] == .string(Vault.sha256Hex(try SignedDocument.canonical(values))))
            }
            #expect(export["format"] == .string(kind == .copy ? "pivault-export/1" : "pivault-portable-export/1"))
            #expect(export["recipient"] == (kind == .portability ? .string("Other Hospital") : .null))
            let altered = document.replacingOccurrences(of: "13800138000", with: "13800138001")
            #expect(altered != document)
            #expect(throws: SignedDocument.Failure.self) { try SignedDocument.verify(Data(altered.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64) }
        }
    }

    @Test("Art. 46: a correction is validated like a collection; invalid data leaves the old value, a valid one keeps the old in an encrypted history", arguments: TestEngine.available)
    func correction(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let subject = receipt.subjectID
        let invalid = NewRightsRequest(subjectID: subject, kind: .correction, recordID: receipt.recordID, corrections: ["mobile": .string("99999")])
        await #expect { try await test.vault.fileRequest(invalid, by: .staff("s")) } throws: { error in
            let error = error as! VaultError
            return error.code == .invalidInput && error.fieldPath == "mobile" && !error.message.contains("99999")
        }
        await #expect(throws: VaultError.self) {
            try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .correction, recordID: receipt.recordID, corrections: ["religion": .string("x")]), by: .staff("s"))
        }
        await #expect(throws: VaultError.self) {
            try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .correction, recordID: "rec_other", corrections: ["mobile": .string("13900000000")]), by: .staff("s"))
        }
        #expect(try await test.vault.requests(by: .staff("s")).isEmpty)
        #expect(try await test.read(subject).records[0].values["mobile"] == .string("+8613800138000"))
        let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .correction, recordID: receipt.recordID,
                                                                                            corrections: ["mobile": .string("139 0013 9000")]), by: .staff("s")), in: test.vault)
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-1")
        #expect(outcome.receipt.contains("PIPL Art. 46") && !outcome.receipt.contains("13900139000"))
        #expect(try await test.read(subject).records[0].values["mobile"] == .string("+8613900139000"))
        let history = try await test.vault.correctionHistory(subjectID: subject)
        #expect(history.count == 1 && history[0].field == "mobile" && history[0].previous == .string("+8613800138000") && history[0].requestID == request.id)
        #expect(try await test.vault.findSubjects(by: .mobile, value: "13900139000") == [subject])
        #expect(try await test.vault.findSubjects(by: .mobile, value: "13800138000").isEmpty)
        // The sealed request details are dropped once answered.
        #expect(try await test.vault.store.read { try await $0.request(request.id) }?.payload == nil)
        for line in test.logs.all { #expect(!line.contains("13900139000") && !line.contains("13800138000")) }
    }

    @Test("Art. 47: with no legal retention running, deletion crypto-shreds the subject; a second deletion is refused as already erased", arguments: TestEngine.available)
    func deletionShreds(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: Self.newsletter, consentGiven: true)).subjectID
        let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .deletion), by: .staff("s")), in: test.vault)
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-1")
        #expect(outcome.receipt.contains("crypto-shredded"))
        let key = try await test.vault.store.read { try await $0.subjectKey(subject) }
        #expect(key?.erasedAt != nil && key?.wrappedKey == nil)
        await #expect { try await test.read(subject, purpose: "service-newsletter", role: "support") } throws: { ($0 as? VaultError)?.code == .erased }
        await #expect { try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .deletion), by: .staff("s")) } throws: { ($0 as? VaultError)?.code == .erased }
        #expect(try await test.vault.deletionReceipts(subjectID: subject).contains { $0.article == "PIPL Art. 47" })
    }

    @Test("Art. 47(2): records a law still keeps are restricted instead, every read denied with the reason, and erased when the period ends", arguments: TestEngine.available)
    func deletionRestricts(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", values: Self.vaccination)).subjectID
        _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", subjectID: subject, values: Self.newsletter, consentGiven: true))
        let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .deletion), by: .staff("s")), in: test.vault)
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-1")
        #expect(outcome.receipt.contains("PIPL Art. 47(2)"))
        #expect(try await test.vault.store.read { try await $0.recordSummaries(subjectID: subject) }.map(\.purpose) == ["vaccination-record"])
        let denied = try await test.read(subject, purpose: "vaccination-record", role: "clinic-staff")
        #expect(denied.decision.outcome == .deny && denied.records.isEmpty)
        #expect(denied.decision.denials.first?.article == "PIPL Art. 47(2)" && denied.decision.denials.first?.reason.contains("storage and protection") == true)
        let newsletterRead = try await test.read(subject, purpose: "service-newsletter", role: "support")
        #expect(newsletterRead.decision.outcome == .deny)
        // The statutory period is 5 years; the sweep deletes the record then and erases the subject.
        test.clock.advance(by: (5 * 366 + 1) * 86_400)
        _ = try await test.vault.sweepRetention()
        #expect(try await test.vault.store.read { try await $0.subjectKey(subject) }?.erasedAt != nil)
    }

    @Test("Art. 44: a restriction denies every later read with its reason; Art. 15: a withdrawal request withdraws consent", arguments: TestEngine.available)
    func restrictionAndWithdrawal(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await Self.subjectWithTwoRecords(test)
        await #expect(throws: VaultError.self) { try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .withdrawal, purpose: "contact-tracing"), by: .staff("s")) }
        await #expect(throws: VaultError.self) { try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .withdrawal), by: .staff("s")) }
        let withdrawal = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .withdrawal, purpose: "service-newsletter"), by: .staff("s")), in: test.vault)
        let withdrawn = try await test.vault.completeRequest(withdrawal.id, handler: "staff-1")
        #expect(withdrawn.document?.contains("KI-CR-v1.1.0") == true)
        test.clock.advance(by: 1)
        #expect(try await test.read(subject, purpose: "service-newsletter", role: "support").decision.denials.first?.article == "PIPL Art. 15")
        #expect(try await test.read(subject).decision.outcome == .permit)
        let restriction = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .restriction), by: .staff("s")), in: test.vault)
        _ = try await test.vault.completeRequest(restriction.id, handler: "staff-1")
        let denied = try await test.read(subject)
        #expect(denied.decision.outcome == .deny && denied.records.isEmpty && denied.decision.denials.first?.article == "PIPL Art. 44")
    }
}
