import Foundation
import Testing
@testable import PIVaultCore

@Suite("Policy decisions (PIPL Art. 6, 13, 14, 15, 28, 51)")
struct PolicyTests {
    let configuration = Fixtures.configuration
    let now = Fixtures.now

    func request(_ role: String, _ purpose: String, _ fields: [String]? = nil) -> AccessRequest {
        AccessRequest(actor: Actor(id: "staff-1", role: role), subjectID: "sub_x", purpose: purpose, fields: fields)
    }

    /// A context in which every purpose has its impact assessment (PIPL Art. 55), unless `assessed` says otherwise.
    func context(consents: [Consent] = [], emergencies: [Emergency] = [], assessed: Set<String>? = nil) -> PolicyContext {
        PolicyContext(consents: consents, emergencies: emergencies, now: now, assessedPurposes: assessed ?? Set(configuration.purposes.keys))
    }

    @Test("Art. 55: a purpose processing sensitive data is refused until an impact assessment covers it; one without sensitive data needs none")
    func assessmentGate() {
        let sensitive = Policy.decide(request("clinic", "records", ["name"]), configuration: configuration, context: context(assessed: []))
        #expect(sensitive.outcome == .deny)
        #expect(sensitive.denials.first?.article == "PIPL Art. 55, 56")
        #expect(sensitive.denials.first?.reason.contains("processes sensitive personal information") == true)
        #expect(sensitive.permitted.isEmpty)
        #expect(Policy.decide(request("clinic", "records", ["name"]), configuration: configuration, context: context()).outcome == .permit)
        let newsletter = try! #require(configuration.purposes["newsletter"])
        #expect(configuration.assessmentGrounds(newsletter).isEmpty)
        #expect(Policy.assessmentRefusal(newsletter, configuration: configuration, context: context(assessed: [])) == nil)
    }

    @Test("Art. 6: a field the purpose does not cover is denied by name, the others permitted")
    func fieldOutsidePurpose() {
        let decision = Policy.decide(request("clinic", "records", ["name", "resident_id"]), configuration: configuration, context: context())
        #expect(decision.outcome == .partial)
        #expect(decision.permitted == ["name"])
        #expect(decision.fieldsToDecrypt == ["name"])
        #expect(decision.denials.map(\.description) == ["denied: purpose 'records' does not cover field 'resident_id' (PIPL Art. 6)"])
    }

    @Test("Art. 6: an undeclared field is denied as unknown")
    func unknownField() {
        let decision = Policy.decide(request("clinic", "records", ["blood_type"]), configuration: configuration, context: context())
        #expect(decision.outcome == .deny)
        #expect(decision.denials.first?.reason.contains("not declared") == true)
    }

    @Test("Art. 51: a role not granted the purpose is denied")
    func roleNotGranted() {
        let decision = Policy.decide(request("support", "records"), configuration: configuration, context: context())
        #expect(decision.outcome == .deny)
        #expect(decision.denials.first?.article == "PIPL Art. 51")
        #expect(decision.fieldsToDecrypt.isEmpty)
    }

    @Test("Art. 6: an undeclared purpose is denied")
    func unknownPurpose() {
        let decision = Policy.decide(request("clinic", "marketing"), configuration: configuration, context: context())
        #expect(decision.outcome == .deny)
        #expect(decision.denials.first?.reason.contains("'marketing'") == true)
    }

    @Test("Art. 13(4): the emergency basis holds only inside a declared emergency covering the purpose")
    func emergencyBasis() {
        let denied = Policy.decide(request("epidemiologist", "tracing"), configuration: configuration, context: context())
        #expect(denied.outcome == .deny)
        #expect(denied.denials.first?.article == "PIPL Art. 13(4)")
        let emergency = Emergency(id: "e1", name: "Outbreak", legalReference: "Notice 1", purposes: ["tracing"], startsAt: now - 86_400)
        let permitted = Policy.decide(request("epidemiologist", "tracing"), configuration: configuration, context: context(emergencies: [emergency]))
        #expect(permitted.outcome == .permit)
        #expect(permitted.masked == ["resident_id"])
        #expect(Set(permitted.sensitive) == ["resident_id", "health"])
        var ended = emergency
        ended.endsAt = now - 1
        #expect(Policy.decide(request("epidemiologist", "tracing"), configuration: configuration, context: context(emergencies: [ended])).outcome == .deny)
    }

    @Test("Art. 13(1), 14, 15: consent purposes need a live consent; withdrawal denies later reads")
    func consentBasis() {
        #expect(Policy.decide(request("support", "newsletter"), configuration: configuration, context: context()).denials.first?.article == "PIPL Art. 13(1), 14")
        let live = Consent(purpose: "newsletter", grantedAt: now - 100)
        #expect(Policy.decide(request("support", "newsletter"), configuration: configuration, context: context(consents: [live])).outcome == .permit)
        let withdrawn = Consent(purpose: "newsletter", grantedAt: now - 100, withdrawnAt: now - 10)
        let decision = Policy.decide(request("support", "newsletter"), configuration: configuration, context: context(consents: [withdrawn]))
        #expect(decision.outcome == .deny)
        #expect(decision.denials.first?.article == "PIPL Art. 15")
        let otherPurpose = Consent(purpose: "records", grantedAt: now - 100)
        #expect(Policy.decide(request("support", "newsletter"), configuration: configuration, context: context(consents: [otherPurpose])).outcome == .deny)
    }

    @Test("Art. 13(3): a statutory duty needs no consent")
    func statutoryDuty() {
        #expect(Policy.decide(request("clinic", "records"), configuration: configuration, context: context()).outcome == .permit)
    }
}
