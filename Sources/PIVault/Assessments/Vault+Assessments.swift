import Crypto
import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import Synchronization

extension Vault {
    /// Three years, the least time an assessment is kept (PIPL Art. 56).
    static let assessmentKeepTime: TimeInterval = 3 * 366 * 86_400

    /// The version of `purpose`'s definition an impact assessment covers: its
    /// notice version (what people are told) plus what the notice does not
    /// state but the assessment weighs — the standards, fields and automated
    /// decision-making. Changing any of them needs a new assessment.
    public func assessmentDefinitionVersion(_ purpose: Purpose) -> String {
        var canonical = "pivault-assessment-definition-v1\n"
        canonical += "notice=\(notices.versions[purpose.id] ?? "")\n"
        canonical += "standards=\(purpose.standards.sorted().joined(separator: ","))\n"
        canonical += "fields=\(purpose.fields.sorted().joined(separator: ","))\n"
        canonical += "masked=\(purpose.masked.sorted().joined(separator: ","))\n"
        canonical += "automated=\(purpose.automatedDecision)\n"
        return HexText.encode(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// Records an impact assessment of a purpose's current definition (PIPL Art. 55–56).
    ///
    /// - Throws: ``VaultError`` naming the rule when the purpose is unknown, a
    ///   required part is empty or the date is malformed; nothing is stored then.
    public func recordAssessment(_ draft: AssessmentDraft, by recorder: String) async throws -> AssessmentRow {
        guard let purpose = configuration.purposes[draft.purpose] else {
            throw VaultError(.invalidInput, "purpose '\(draft.purpose)' is not declared; assess one of \(configuration.purposes.keys.sorted().joined(separator: ", "))", fieldPath: "purpose", article: "PIPL Art. 55")
        }
        for (name, text) in [("processing", draft.processing), ("risks", draft.risks), ("measures", draft.measures), ("assessor", draft.assessor)]
        where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw VaultError(.invalidInput, "the assessment's '\(name)' is empty; an impact assessment states what is processed, the risks, the measures and who assessed", fieldPath: name, article: "PIPL Art. 56")
        }
        let now = clock.now()
        var assessedOn = ISODate.formatDate(now)
        if let given = draft.assessedOn {
            guard let date = ISODate.parseDate(given) else {
                throw VaultError(.invalidInput, "assessment date '\(given)' must be an ISO 8601 date such as 2022-05-01", fieldPath: "assessedOn")
            }
            guard date <= now else {
                throw VaultError(.invalidInput, "assessment date \(given) is in the future; record an assessment once it has been made", fieldPath: "assessedOn", article: "PIPL Art. 55")
            }
            assessedOn = ISODate.formatDate(date)
        }
        let row = AssessmentRow(id: Identifiers.random(prefix: "pia"), purpose: purpose.id, definitionVersion: assessmentDefinitionVersion(purpose),
                                processing: draft.processing, risks: draft.risks, measures: draft.measures, conclusion: draft.conclusion,
                                assessor: draft.assessor, assessedOn: assessedOn, recordedAt: now, keepUntil: now.addingTimeInterval(Self.assessmentKeepTime),
                                recordedBy: recorder)
        try await store.write { try await $0.insertAssessment(row) }
        assessmentCache.withLock { $0 = nil }
        logger.notice("impact assessment recorded", metadata: ["assessment": "\(row.id)", "purpose": "\(row.purpose)", "conclusion": "\(row.conclusion.rawValue)"])
        return row
    }

    /// Recorded assessments, of one purpose or all, oldest first.
    public func assessments(purpose: String? = nil) async throws -> [AssessmentRow] {
        try await store.read { try await $0.assessments(purpose: purpose) }
    }

    /// Every purpose with its assessment grounds and whether a current assessment lets it be used.
    public func assessmentStatus() async throws -> [AssessmentStatus] {
        let rows = try await assessments()
        return configuration.purposes.values.sorted { $0.id < $1.id }.map { purpose in
            let version = assessmentDefinitionVersion(purpose)
            let grounds = configuration.assessmentGrounds(purpose)
            let current = rows.last { $0.purpose == purpose.id && $0.definitionVersion == version }
            let active = grounds.isEmpty || (current?.conclusion.permitsProcessing ?? false)
            return AssessmentStatus(purpose: purpose.id, grounds: grounds, definitionVersion: version, current: current?.id, active: active)
        }
    }

    /// The purposes whose latest assessment of their current definition permits
    /// processing; cached for a second, as reads are hot and assessments rare.
    func assessedPurposes() async throws -> Set<String> {
        let now = ContinuousClock.now
        if let cached = assessmentCache.withLock({ $0 }), now - cached.loadedAt < .seconds(1) { return cached.purposes }
        let purposes = Set(try await assessmentStatus().filter { !$0.grounds.isEmpty && $0.active }.map(\.purpose))
        assessmentCache.withLock { $0 = (now, purposes) }
        return purposes
    }

    /// Refuses a collection under a purpose that is not active (PIPL Art. 55).
    func checkAssessment(_ purpose: Purpose) async throws {
        let context = PolicyContext(consents: [], emergencies: [], now: clock.now(), assessedPurposes: try await assessedPurposes())
        if let refusal = Policy.assessmentRefusal(purpose, configuration: configuration, context: context) {
            throw VaultError(.denied, refusal.reason, article: refusal.article)
        }
    }

    /// Records, for each purpose of the demo configuration that needs one and
    /// has none, an assessment stating that it is the demo's own — so a fresh
    /// `pivault serve` or `pivault init` works, while saying plainly that a
    /// real deployment must replace it with its own. Returns how many were recorded.
    @discardableResult
    public func recordDemoAssessments() async throws -> Int {
        var recorded = 0
        for status in try await assessmentStatus() where !status.grounds.isEmpty && status.current == nil {
            guard let purpose = configuration.purposes[status.purpose] else { continue }
            let sensitive = configuration.sensitiveFields(of: purpose)
            _ = try await recordAssessment(AssessmentDraft(
                purpose: purpose.id,
                processing: "Demo configuration: \(purpose.title) — fields \(purpose.fields.joined(separator: ", ")) under standards \(purpose.standards.joined(separator: ", ")), basis \(purpose.basis.rawValue).",
                risks: "Demo assessment only. Grounds: \(status.grounds.joined(separator: "; ")). Sensitive fields: \(sensitive.isEmpty ? "none" : sensitive.joined(separator: ", ")). \(purpose.impact ?? "")",
                measures: "Per-person encryption, purpose-bound reads, masking (\(purpose.masked.joined(separator: ", "))), retention \(purpose.retention), transparency log. \(purpose.necessity ?? "")",
                conclusion: .acceptableWithMeasures,
                assessor: "pivault demo configuration (replace with your own assessment before processing real data)"), by: "demo")
            recorded += 1
        }
        return recorded
    }

    /// Every assessment as a JSON document signed by the vault, for auditors
    /// and the authority (PIPL Art. 56, 64): verify it with `pivault receipt verify`.
    public func exportAssessments() async throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let recorded = try await assessments()
        let statuses = try await assessmentStatus()
        let rows = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(recorded))
        let status = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(statuses))
        let document: JSONValue = .object([
            "type": .string("pivault-impact-assessments"),
            "handler": .string(configuration.handler.name),
            "exportedAt": .string(ISODate.formatDateTime(clock.now())),
            "assessments": rows,
            "status": status,
        ])
        return try SignedDocument.sign(document, with: signer)
    }
}
