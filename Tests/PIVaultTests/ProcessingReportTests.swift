import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

/// The record of processing activities (PIPL Art. 54) on every engine.
@Suite("Processing report (PIPL Art. 54)")
struct ProcessingReportTests {
    @Test("Art. 54: the report lists standards, purposes with bases, sensitive categories, recipients, retention, counts, incidents, open requests and the signed checkpoint", arguments: TestEngine.available)
    func report(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, yaml: SharingConfiguration.yaml())
        defer { Task { await test.finish() } }
        let first = try await test.collectPerson().subjectID
        _ = try await test.collectPerson()
        _ = try await test.vault.grantConsent(subjectID: first, purpose: "research-sharing")
        _ = try await test.vault.recordIncident(IncidentTests.report(subjects: [first]), by: "officer-1")
        _ = try await test.vault.fileRequest(NewRightsRequest(subjectID: first, kind: .access), by: .staff("staff-1"))
        _ = try await test.vault.fileRequest(NewRightsRequest(subjectID: first, kind: .copy), by: .staff("staff-1"))
        let report = try await test.vault.processingReport()
        #expect(report.subjects == 2)
        #expect(report.standards.map(\.id) == ["epidemic-registration", "venue-checkin"])
        let tracing = try #require(report.purposes.first { $0.id == "contact-tracing" })
        #expect(tracing.basis == "public-health-emergency" && tracing.basisArticle.contains("13") && tracing.subjects == 2 && tracing.retention == "180d")
        #expect(tracing.sensitiveCategories.contains("health"))
        let sharing = try #require(report.purposes.first { $0.id == "research-sharing" })
        #expect(sharing.liveConsents == 1 && sharing.recipients == ["provincial-cdc"] && sharing.separateConsent)
        #expect(report.categories.first { $0.id == "health" }?.sensitive == true)
        #expect(report.recipients.first { $0.id == "geneva-lab" }.map { ($0.country, $0.mechanism) }! == ("CH", "standard-contract"))
        #expect(report.recipients.first { $0.id == "cloud-lab" }?.contractInForce == true)
        // Art. 55–56: every purpose that needs an assessment shows it, with its conclusion and retention.
        let tracingAssessment = try #require(report.assessments.first { $0.purpose == "contact-tracing" })
        #expect(tracingAssessment.active && tracingAssessment.assessment != nil && !tracingAssessment.grounds.isEmpty && tracingAssessment.keepUntil != nil)
        #expect(report.assessments.first { $0.purpose == "service-newsletter" }?.grounds.isEmpty == true)
        #expect(report.markdown.contains("## Impact assessments (PIPL Art. 55–56)"))
        // Art. 28: the biometric filing flag is always reported (here: no templates, no filing due).
        #expect(report.biometrics.map { ($0.subjects, $0.filingDue) }! == (0, false) && report.markdown.contains("## Biometric information"))
        #expect(report.openRightsRequests == ["access": 1, "copy": 1])
        #expect(report.emergencies.count == 1 && report.incidents.count == 1 && report.incidents[0].affected == 1)
        #expect(report.logCheckpoint.contains("\n") && report.logCheckpoint.hasPrefix(test.vault.logOrigin))
        let markdown = report.markdown
        #expect(markdown.contains("# Record of processing activities") && markdown.contains("health **(sensitive)**") && markdown.contains("geneva-lab"))
        #expect(markdown.contains("— ") && markdown.contains(test.vault.logOrigin))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"assessments\""))
        for value in TestVault.personalValues { #expect(!json.contains(value) && !markdown.contains(value)) }
    }
}
