import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {

    /// Records an incident (PIPL Art. 57). Every rule is checked before
    /// anything is stored: at least one known category, the cause, harm and
    /// measures stated, times in order and not in the future, every listed
    /// subject existing.
    ///
    /// - Throws: ``VaultError`` `invalidInput` naming the rule (nothing stored), `notFound` for an unknown subject.
    public func recordIncident(_ report: IncidentReport, by actor: String) async throws -> IncidentRow {
        let now = clock.now()
        try validate(report, at: now)
        let subjects = Array(Set(report.subjects)).sorted()
        let existing = try await store.read { try await $0.existingSubjects(subjects) }
        if let missing = subjects.first(where: { !existing.contains($0) }) {
            throw VaultError(.notFound, "subject \(missing) named as affected does not exist; check the ids (nothing was stored)", fieldPath: "subjects", article: "PIPL Art. 57")
        }
        let row = IncidentRow(
            id: Identifiers.random(prefix: "inc"), summary: report.summary.trimmed, occurredAt: report.occurredAt,
            discoveredAt: report.discoveredAt ?? now, recordedAt: now, recordedBy: actor, categories: Array(Set(report.categories)).sorted(),
            affectedCount: max(report.affectedCount ?? subjects.count, subjects.count), cause: report.cause.trimmed, harm: report.harm.trimmed,
            measures: report.measures.trimmed, advice: report.advice?.trimmed ?? "", notifiedAt: nil)
        try await store.write { try await $0.insertIncident(row, subjects: subjects) }
        try await logEvents([LogEvent(kind: .incident, time: now, actor: actor, role: Self.systemActor.role, purpose: nil, fields: [],
                                      decision: "recorded", subject: nil, detail: "\(row.id); categories: \(row.categories.joined(separator: ",")); affected: \(row.affectedCount)")])
        logger.notice("incident recorded", metadata: ["incident": "\(row.id)", "categories": "\(row.categories.joined(separator: ","))", "affected": "\(row.affectedCount)"])
        return row
    }

    func validate(_ report: IncidentReport, at now: Date) throws {
        guard !report.summary.trimmed.isEmpty else {
            throw VaultError(.invalidInput, "say what happened in the incident's summary (nothing was stored)", fieldPath: "summary", article: "PIPL Art. 57")
        }
        let categories = report.categories.map(\.trimmed).filter { !$0.isEmpty }
        guard !categories.isEmpty else {
            throw VaultError(.invalidInput, "an incident must name at least one data category involved — the notices must state them; nothing was stored", fieldPath: "categories", article: "PIPL Art. 57(1)1")
        }
        if let unknown = categories.first(where: { configuration.taxonomy[$0] == nil }) {
            throw VaultError(.invalidInput, "unknown data category '\(unknown)'; use one of \(configuration.taxonomy.categories.keys.sorted().joined(separator: ", ")) (nothing was stored)", fieldPath: "categories", article: "PIPL Art. 57(1)1")
        }
        for (name, text, clause) in [("cause", report.cause, "PIPL Art. 57(1)1"), ("harm", report.harm, "PIPL Art. 57(1)1"), ("measures", report.measures, "PIPL Art. 57(1)2")] where text.trimmed.isEmpty {
            throw VaultError(.invalidInput, "state the incident's \(name) — the notices must give it; nothing was stored", fieldPath: name, article: clause)
        }
        guard report.occurredAt <= now else {
            throw VaultError(.invalidInput, "the incident cannot have happened in the future; give when it occurred (nothing was stored)", fieldPath: "occurredAt", article: "PIPL Art. 57")
        }
        if let discovered = report.discoveredAt, discovered < report.occurredAt || discovered > now {
            throw VaultError(.invalidInput, "the incident must be discovered after it occurred and not in the future (nothing was stored)", fieldPath: "discoveredAt", article: "PIPL Art. 57")
        }
        if let count = report.affectedCount, count < 1 {
            throw VaultError(.invalidInput, "the number of people affected must be at least 1 (nothing was stored)", fieldPath: "affectedCount", article: "PIPL Art. 57")
        }
        if report.subjects.isEmpty, report.affectedCount == nil {
            throw VaultError(.invalidInput, "name the affected subjects or give an estimated number of people affected (nothing was stored)", fieldPath: "subjects", article: "PIPL Art. 57")
        }
    }

    /// Every incident, most recent first.
    public func incidents() async throws -> [IncidentRow] {
        try await store.read { try await $0.incidents() }
    }

    /// One incident and the subjects it affected.
    ///
    /// - Throws: ``VaultError`` `notFound`.
    public func incident(_ id: String) async throws -> (incident: IncidentRow, subjects: [String]) {
        let found = try await store.read { session -> (IncidentRow, [String])? in
            guard let row = try await session.incident(id) else { return nil }
            return (row, try await session.incidentSubjects(id))
        }
        guard let found else { throw VaultError(.notFound, "incident \(id) does not exist; list them with `pivault incident list`") }
        return found
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
