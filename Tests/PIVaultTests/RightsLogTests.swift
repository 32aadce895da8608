import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import TransparencyLog

/// Where rights requests meet the transparency log: the access report's
/// access history, deletions on withdrawal, and closing a vault with log activity.
@Suite("Rights requests and the transparency log (PIPL Art. 15, 44, 45, 47)")
struct RightsLogTests {
    func object(_ text: String?, _ test: TestVault) throws -> [String: JSONValue] {
        let document = try SignedDocument.verify(Data(try #require(text).utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let fields) = document else { throw VaultError(.integrity, "not an object") }
        return fields
    }

    @Test("Art. 44, 45: the access report lists exactly the subject's logged reads under two purposes, each provable offline, in zh-CN and en", arguments: TestEngine.available)
    func accessReportCarriesAccessHistory_Art45(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", subjectID: subject,
                                                    values: RightsFulfilmentTests.vaccination))
        let other = try await test.collectPerson().subjectID
        let tracing = try await test.read(subject)
        let clinic = try await test.read(subject, purpose: "vaccination-record", role: "clinic-staff")
        let denied = try await test.read(subject, purpose: "vaccination-record", role: "support")
        _ = try await test.read(other)
        let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access), by: .staff("staff-1")), in: test.vault)
        let report = try object(try await test.vault.completeRequest(request.id, handler: "staff-1").document, test)

        guard case .object(let history)? = report["accessHistory"], case .array(let events)? = history["events"],
              case .string(let checkpoint)? = history["checkpoint"], case .string(let key)? = history["verifierKey"] else {
            Issue.record("the report has no access history"); return
        }
        #expect(key == test.vault.logVerifierKey)
        let reads = events.compactMap { event -> (index: Double, purpose: String, decision: String)? in
            guard case .object(let fields) = event, fields["type"] == .string("read"), case .number(let index)? = fields["index"],
                  case .string(let purpose)? = fields["purpose"], case .string(let decision)? = fields["decision"] else { return nil }
            return (index, purpose, decision)
        }
        // Exactly this subject's three reads — not the other subject's — with their leaf indices and decisions.
        #expect(reads.map(\.index) == [tracing, clinic, denied].map { Double($0.logIndex ?? 0) })
        #expect(reads.map(\.purpose) == ["contact-tracing", "vaccination-record", "vaccination-record"])
        #expect(reads.map(\.decision) == ["permit", "permit", "deny"])
        // Every listed event carries an inclusion proof that verifies offline against the report's checkpoint.
        let verifier = try NoteVerifier(key)
        for event in events {
            guard case .object(let fields) = event, let proof = fields["proof"] else { Issue.record("an event has no proof"); continue }
            let file = try InclusionProofFile(json: Array(try SignedDocument.canonical(proof)))
            _ = try OfflineVerifier.verifyInclusion(checkpoint: Array(checkpoint.utf8), proof: file, verifiers: [verifier])
        }
        guard case .object(let text)? = report["text"], case .string(let english)? = text["en"], case .string(let chinese)? = text["zh-CN"] else {
            Issue.record("no text"); return
        }
        #expect(english.contains("Access history from the transparency log") && english.contains("3 read(s) (1 denied)"))
        #expect(chinese.contains("透明日志中的访问记录") && chinese.contains("读取 3 次（拒绝 1 次）"))
        // The history holds no personal value: only actors, roles, purposes, field names and decisions.
        let historyText = String(decoding: try SignedDocument.canonical(.object(history)), as: UTF8.self)
        for value in TestVault.personalValues { #expect(!historyText.contains(value)) }
    }

    @Test("Art. 45: an altered access-history entry no longer verifies against the report's checkpoint", arguments: TestEngine.available)
    func alteredHistoryEntryFails_Art45(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        _ = try await test.read(subject)
        let history = try AccessReportHistory(try await test.vault.accessHistory(subject))
        guard case .object(let section) = history.section, case .array(let events)? = section["events"], case .string(let checkpoint)? = section["checkpoint"],
              case .object(let read)? = events.last, case .object(var proof)? = read["proof"], case .string(let data)? = proof["leafData"] else {
            Issue.record("no read event with a proof"); return
        }
        // Claim the read was denied: the entry's bytes change, so its leaf hash no longer matches the proof.
        let forged = String(decoding: Data(base64Encoded: data)!, as: UTF8.self).replacingOccurrences(of: "\"permit\"", with: "\"deny\"")
        proof["leafData"] = .string(Data(forged.utf8).base64EncodedString())
        proof["leafHash"] = nil
        let file = try InclusionProofFile(json: Array(try SignedDocument.canonical(.object(proof))))
        #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: Array(checkpoint.utf8), proof: file, verifiers: [try NoteVerifier(test.vault.logVerifierKey)])
        }
    }

    @Test("Art. 15, 47(1)3: each record deleted because consent was withdrawn enters the log as its own event under the subject's commitment", arguments: TestEngine.available)
    func withdrawalDeletionsAreLogged_Art47(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        for _ in 0..<2 {
            _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", subjectID: subject,
                                                        values: RightsFulfilmentTests.newsletter, consentGiven: true))
        }
        let before = try await test.vault.store.read { try await $0.logState() }.leafCount
        test.clock.advance(by: 10)
        let outcome = try await test.vault.withdrawConsent(subjectID: subject, purpose: "service-newsletter")
        #expect(outcome.recordsDeleted == 2)

        let commitment = try await test.vault.accessHistory(subject).commitment
        let after = try await test.vault.store.read { try await $0.logState() }.leafCount
        let added = try await test.vault.store.read { try await $0.logEntries(range: before..<after) }
        let events = try added.map { try LogEvent(leafData: $0.data) }
        #expect(events.map(\.kind) == [.consentWithdrawal, .retentionDeletion, .retentionDeletion])
        for (row, event) in zip(added, events) where event.kind == .retentionDeletion {
            #expect(row.subject == commitment && event.subject == commitment)
            #expect(event.purpose == "service-newsletter" && event.detail == "consent withdrawn and consent was the only basis")
            #expect(event.actor == "vault" && event.decision == "recorded" && !event.fields.isEmpty)
        }
        // The receipts and the log agree: one deletion receipt per deleted record.
        #expect(try await test.vault.deletionReceipts(subjectID: subject).filter { $0.article == "PIPL Art. 47(1)3" }.count == 2)
        // A withdrawal that deletes nothing (a necessary purpose stays) logs no deletion.
        _ = try await test.vault.grantConsent(subjectID: subject, purpose: "service-newsletter")
        let quiet = try await test.vault.store.read { try await $0.logState() }.leafCount
        _ = try await test.vault.withdrawConsent(subjectID: subject, purpose: "service-newsletter")
        let tail = try await test.vault.store.read { try await $0.logEntries(range: quiet..<(try await $0.logState().leafCount)) }
        #expect(try tail.map { try LogEvent(leafData: $0.data).kind } == [.consentWithdrawal])
    }

    @Test("Art. 47: completing a request for a subject erased after it was filed is a clear error; the request stays open and can be refused", arguments: TestEngine.available)
    func requestForSubjectErasedMeanwhile_Art47(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let second = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .deletion), by: .staff("s")), in: test.vault)
        let access = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access), by: .staff("s")), in: test.vault)
        // Staff erase the subject before the requests are answered.
        _ = try await test.vault.erase(subject)
        await #expect { try await test.vault.completeRequest(access.id, handler: "staff-1") } throws: { ($0 as? VaultError)?.code == .erased }
        await #expect { try await test.vault.completeRequest(second.id, handler: "staff-1") } throws: {
            ($0 as? VaultError)?.code == .erased && ($0 as? VaultError)?.article == "PIPL Art. 47"
        }
        #expect(try await test.vault.request(second.id, by: .staff("s")).status == .inProgress)
        let refused = try await test.vault.refuseRequest(second.id, handler: "staff-1", reason: "the subject was already erased", article: "PIPL Art. 47")
        #expect(refused.request.status == .refused)
    }

    @Test("Art. 50: a request answered after its due date is no longer overdue, and its signed receipt says it was late", arguments: TestEngine.available)
    func lateAnswerIsOnRecord_Art50(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let request = try await verified(try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .explanation, dueDays: 2), by: .staff("s")), in: test.vault)
        test.clock.advance(by: 3 * 86_400)
        #expect(try await test.vault.requests(overdue: true, by: .staff("s")).map(\.id) == [request.id])
        let outcome = try await test.vault.completeRequest(request.id, handler: "staff-1")
        #expect(!outcome.request.overdue)
        #expect(try object(outcome.receipt, test)["answeredInTime"] == .bool(false))
        #expect(try await test.vault.requests(overdue: true, by: .staff("s")).isEmpty)
    }

    @Test("Closing a vault with log activity stores and integrates queued events and closes every connection; a second close does nothing; later events are refused", arguments: TestEngine.available)
    func closeWithLogActivity(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        let subject = try await test.collectPerson().subjectID
        // Reads in flight while the vault closes: each either entered the log or failed cleanly.
        async let reads: [UInt64?] = withThrowingTaskGroup(of: UInt64?.self) { group in
            for _ in 0..<20 { group.addTask { try? await test.read(subject).logIndex } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let logged = try await reads.compactMap { $0 }
        try await test.vault.close()
        try await test.vault.close()
        await #expect { try await test.vault.logEvents([test.vault.subjectEvent(.read, subject: "x", purpose: nil, fields: [], at: test.clock.now())]) } throws: {
            ($0 as? VaultError)?.code == .storageUnavailable
        }
        // Reopened, the log holds every acknowledged event, integrated, and the tree verifies.
        let reopened = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger())
        let size = await reopened.transparency.log.size
        #expect(logged.allSatisfy { $0 < size })
        _ = try await reopened.checkLog()
        try await reopened.close()
        await test.cleanUp()
    }
}
