import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Impact assessments activate purposes (PIPL Art. 55–56)")
struct ImpactAssessmentTests {
    static func draft(_ purpose: String = "contact-tracing", conclusion: AssessmentConclusion = .acceptableWithMeasures, date: String? = "2022-03-30") -> AssessmentDraft {
        AssessmentDraft(purpose: purpose, processing: "Registration data of visitors, read by epidemiologists", risks: "Disclosure of health status",
                        measures: "Encryption per person, masking, 180-day retention", conclusion: conclusion, assessor: "DPO office", assessedOn: date)
    }

    static func denied(_ error: any Error) -> Bool {
        guard let error = error as? VaultError else { return false }
        return error.code == .denied && error.article == "PIPL Art. 55, 56" && error.message.contains("no impact assessment")
    }

    @Test("Art. 55: without an assessment a purpose processing sensitive data collects nothing and reads nothing; recording one activates it", arguments: TestEngine.available)
    func gate(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false)
        defer { Task { await test.finish() } }
        await #expect { try await test.collectPerson() } throws: { Self.denied($0) }
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 0)
        let status = try #require(try await test.vault.assessmentStatus().first { $0.purpose == "contact-tracing" })
        #expect(!status.active && status.current == nil && status.grounds.contains { $0.contains("Art. 55(1)") })
        // A purpose with no ground (name and mobile only) is active without one.
        #expect(try await test.vault.assessmentStatus().first { $0.purpose == "service-newsletter" }?.active == true)

        let row = try await test.vault.recordAssessment(Self.draft(), by: "test")
        let receipt = try await test.collectPerson()
        #expect(try await test.read(receipt.subjectID).decision.outcome == .permit)
        // Art. 56: kept at least three years.
        #expect(row.keepUntil.timeIntervalSince(row.recordedAt) >= 3 * 365 * 86_400)
        #expect(try await test.vault.assessmentStatus().first { $0.purpose == "contact-tracing" }?.current == row.id)
    }

    @Test("Art. 55: reads are refused with the article while the purpose is not active", arguments: TestEngine.available)
    func readsRefused(engine: TestEngine) async throws {
        let assessed = try await TestVault.make(engine)
        let subject = try await assessed.collectPerson().subjectID
        try await assessed.vault.close()
        // The same database under a changed definition (one more field): the old assessment no longer covers it.
        let changed = DemoConfiguration.yaml.replacingOccurrences(of: "fields: [name, mobile, resident_id, address, health_declaration, travel_history, visitor_code, venue, checked_in_at]",
                                                                  with: "fields: [name, mobile, resident_id, address, health_declaration, travel_history, visitor_code, venue, checked_in_at, date_of_birth]")
        #expect(changed != DemoConfiguration.yaml)
        let reopened = try await TestVault.openVault(location: assessed.location, keyring: assessed.keyring, clock: assessed.clock, logger: assessed.logs.logger(), yaml: changed)
        do {
            let result = try await reopened.read(AccessRequest(actor: Actor(id: "staff-7", role: "epidemiologist"), subjectID: subject, purpose: "contact-tracing"))
            #expect(result.decision.outcome == .deny && result.records.isEmpty)
            #expect(result.decision.denials.first?.article == "PIPL Art. 55, 56")
            _ = try await reopened.recordAssessment(Self.draft(), by: "test")
            #expect(try await reopened.read(AccessRequest(actor: Actor(id: "staff-7", role: "epidemiologist"), subjectID: subject, purpose: "contact-tracing")).decision.outcome == .permit)
        } catch {
            Issue.record(error)
        }
        try await reopened.close()
        await assessed.cleanUp()
    }

    @Test("Art. 55: an assessment concluding not-acceptable leaves the purpose inactive", arguments: TestEngine.available)
    func notAcceptable(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false)
        defer { Task { await test.finish() } }
        _ = try await test.vault.recordAssessment(Self.draft(conclusion: .notAcceptable), by: "test")
        await #expect { try await test.collectPerson() } throws: { Self.denied($0) }
        #expect(try await test.vault.assessmentStatus().first { $0.purpose == "contact-tracing" }?.active == false)
    }

    @Test("Bad input: an unknown purpose, an empty part, a malformed or future date are refused by rule and nothing is stored", arguments: TestEngine.available)
    func badInput(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false)
        defer { Task { await test.finish() } }
        await #expect { try await test.vault.recordAssessment(Self.draft("face-payments"), by: "t") } throws: {
            ($0 as? VaultError)?.code == .invalidInput && ($0 as? VaultError)?.message.contains("'face-payments' is not declared") == true
        }
        var empty = Self.draft()
        empty.risks = "  "
        await #expect { try await test.vault.recordAssessment(empty, by: "t") } throws: { ($0 as? VaultError)?.fieldPath == "risks" && ($0 as? VaultError)?.article == "PIPL Art. 56" }
        await #expect { try await test.vault.recordAssessment(Self.draft(date: "30/03/2022"), by: "t") } throws: { ($0 as? VaultError)?.fieldPath == "assessedOn" }
        await #expect { try await test.vault.recordAssessment(Self.draft(date: "2030-01-01"), by: "t") } throws: { ($0 as? VaultError)?.message.contains("future") == true }
        #expect(try await test.vault.assessments().isEmpty)
    }

    @Test("Art. 56: the export lists every assessment with each purpose's status and verifies with the vault's public key", arguments: TestEngine.available)
    func export(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false)
        defer { Task { await test.finish() } }
        let row = try await test.vault.recordAssessment(Self.draft(), by: "test")
        let document = try await test.vault.exportAssessments()
        let verified = try SignedDocument.verify(Data(document.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let body) = verified, case .array(let rows)? = body["assessments"], case .array(let statuses)? = body["status"] else {
            Issue.record("export has no assessments or status")
            return
        }
        #expect(rows.count == 1)
        if case .object(let first)? = rows.first { #expect(first["id"] == .string(row.id) && first["conclusion"] == .string("acceptable-with-measures")) }
        #expect(statuses.count == test.vault.configuration.purposes.count)
        // Tampering breaks the signature.
        let tampered = document.replacingOccurrences(of: "DPO office", with: "Nobody")
        #expect(throws: (any Error).self) { try SignedDocument.verify(Data(tampered.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64) }
    }
}
