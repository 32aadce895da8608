import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Legal bases at collection and read (PIPL Art. 13–15)")
struct LegalBasisTests {
    @Test("Art. 13(4): emergency purposes collect and read only while a declared emergency covers them", arguments: TestEngine.available)
    func emergency(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, emergency: false)
        defer { Task { await test.finish() } }
        await #expect { try await test.collectPerson() } throws: { ($0 as? VaultError)?.article == "PIPL Art. 13(4)" }
        let emergency = try await test.vault.declareEmergency(name: "Outbreak", legalReference: "Notice", purposes: ["contact-tracing"], region: "Wuhan", endsAt: nil)
        let receipt = try await test.collectPerson()
        #expect(try await test.read(receipt.subjectID).decision.outcome == .permit)
        test.clock.advance(by: 10)
        try await test.vault.endEmergency(emergency.id)
        test.clock.advance(by: 10)
        let after = try await test.read(receipt.subjectID)
        #expect(after.decision.outcome == .deny && after.records.isEmpty)
        #expect(after.decision.denials.first?.article == "PIPL Art. 13(4)")
        await #expect(throws: VaultError.self) { try await test.vault.declareEmergency(name: "x", legalReference: "y", purposes: [], region: nil, endsAt: nil) }
        await #expect(throws: VaultError.self) { try await test.vault.declareEmergency(name: "x", legalReference: "y", purposes: ["service-newsletter"], region: nil, endsAt: nil) }
        await #expect(throws: VaultError.self) { try await test.vault.declareEmergency(name: "x", legalReference: "y", purposes: ["contact-tracing"], region: nil, endsAt: TestVault.start) }
        await #expect(throws: VaultError.self) { try await test.vault.endEmergency("emg_missing") }
    }

    @Test("Art. 14–15: consent purposes need consent; withdrawal denies every later read", arguments: TestEngine.available)
    func consent(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let values: [String: JSONValue] = ["name": .string("王五"), "mobile": .string("13900139000")]
        await #expect { try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: values)) } throws: {
            ($0 as? VaultError)?.article == "PIPL Art. 13(1), 14"
        }
        let receipt = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: values, consentGiven: true))
        let read = try await test.read(receipt.subjectID, purpose: "service-newsletter", role: "support")
        #expect(read.decision.outcome == .permit)
        #expect(read.records.first?.masked["name"] == "王*")
        test.clock.advance(by: 5)
        #expect(try await test.vault.withdrawConsent(subjectID: receipt.subjectID, purpose: "service-newsletter").consentIDs.count == 1)
        test.clock.advance(by: 5)
        let denied = try await test.read(receipt.subjectID, purpose: "service-newsletter", role: "support")
        #expect(denied.decision.outcome == .deny && denied.decision.denials.first?.article == "PIPL Art. 15")
        await #expect(throws: VaultError.self) { try await test.vault.withdrawConsent(subjectID: receipt.subjectID, purpose: "service-newsletter") }
        await #expect(throws: VaultError.self) { try await test.vault.grantConsent(subjectID: receipt.subjectID, purpose: "vaccination-record") }
        _ = try await test.vault.grantConsent(subjectID: receipt.subjectID, purpose: "service-newsletter")
        test.clock.advance(by: 5)
        #expect(try await test.read(receipt.subjectID, purpose: "service-newsletter", role: "support").decision.outcome == .permit)
    }
}
