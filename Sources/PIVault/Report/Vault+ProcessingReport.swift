import Foundation
import PIVaultCore
import PIVaultStore

extension Vault {
    /// The record of processing activities (PIPL Art. 54), built from the
    /// configuration and counts in the store, with the latest signed log checkpoint.
    public func processingReport() async throws -> ProcessingReport {
        let now = clock.now()
        let (subjects, perPurpose, consents, open, emergencies, incidents, alerts, suspensions) = try await store.read { session in
            (try await session.liveSubjectCount(), try await session.subjectCountsByPurpose(), try await session.consentCountsByPurpose(),
             try await session.openRequestCounts(), try await session.emergencies(), try await session.incidents(),
             try await session.alerts(limit: 100_000).count, try await session.suspensions().count)
        }
        let taxonomy = configuration.taxonomy
        let standards = configuration.standards.values.sorted { $0.id < $1.id }.map { standard in
            ProcessingReport.StandardSection(id: standard.id, title: standard.title, fields: standard.fields.map {
                .init(name: $0.name, category: $0.category, sensitive: taxonomy.isSensitive($0.category))
            })
        }
        var used = Set<String>()
        let purposes = configuration.purposes.values.sorted { $0.id < $1.id }.map { purpose in
            let categories = Array(Set(purpose.fields.compactMap { configuration.field($0, for: purpose)?.category })).sorted()
            used.formUnion(categories)
            return ProcessingReport.PurposeSection(
                id: purpose.id, title: purpose.title, basis: purpose.basis.rawValue, basisArticle: "PIPL \(purpose.basis.article)",
                categories: categories, sensitiveCategories: categories.filter(taxonomy.isSensitive), recipients: purpose.recipients,
                retention: purpose.retention.description, necessary: purpose.necessary, separateConsent: purpose.basis == .consent && configuration.requiresSeparateConsent(purpose),
                subjects: perPurpose[purpose.id] ?? 0, liveConsents: consents[purpose.id]?.live ?? 0, withdrawnConsents: consents[purpose.id]?.withdrawn ?? 0)
        }
        for standard in configuration.standards.values { used.formUnion(standard.fields.map(\.category)) }
        let categories = used.sorted().map { id in
            ProcessingReport.CategorySection(id: id, name: taxonomy[id]?.name ?? id, nameZH: taxonomy[id]?.nameZH ?? id, sensitive: taxonomy.isSensitive(id))
        }
        let recipients = self.recipients().map { status in
            let recipient = status.recipient
            return ProcessingReport.RecipientSection(
                id: recipient.id, name: recipient.name, kind: recipient.kind.rawValue,
                country: recipient.isAbroad ? recipient.country : nil, mechanism: recipient.isAbroad ? recipient.mechanism?.rawValue : nil,
                contract: recipient.contract.map { "\(ISODate.formatDate($0.from)) to \($0.until.map(ISODate.formatDate) ?? "open")" },
                contractInForce: status.contractInForce, purposes: status.purposes)
        }
        let assessmentRows = Dictionary(try await assessments().map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let assessments = try await assessmentStatus().map { status in
            let row = status.current.flatMap { assessmentRows[$0] }
            return ProcessingReport.AssessmentSection(purpose: status.purpose, grounds: status.grounds, active: status.active, assessment: row?.id,
                                                      conclusion: row?.conclusion.rawValue, assessor: row?.assessor, assessedOn: row?.assessedOn, keepUntil: row?.keepUntil)
        }
        return ProcessingReport(
            generatedAt: now,
            handler: .init(name: configuration.handler.name, contact: configuration.handler.contact, officer: configuration.handler.officer),
            subjects: subjects, standards: standards, purposes: purposes, categories: categories, recipients: recipients,
            emergencies: emergencies.map { .init(id: $0.id, name: $0.name, legalReference: $0.legalReference, purposes: $0.purposes, startsAt: $0.startsAt, endsAt: $0.endsAt) },
            incidents: incidents.map { .init(id: $0.id, summary: $0.summary, occurredAt: $0.occurredAt, categories: $0.categories, affected: $0.affectedCount, notifiedAt: $0.notifiedAt, individualsExemption: $0.individualsExemption) },
            assessments: assessments,
            openRightsRequests: open, anomalyAlerts: alerts, suspendedActors: suspensions,
            logCheckpoint: try await latestCheckpoint(),
            biometrics: try await biometricFiling())
    }
}
