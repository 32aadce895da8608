import Foundation
import SQLKit

extension StoreSession {
    /// Stores an impact assessment.
    public func insertAssessment(_ row: AssessmentRow) async throws {
        try await database.raw("""
            INSERT INTO impact_assessments (assessment_id, purpose, definition_version, processing, risks, measures, conclusion, assessor, assessed_on, recorded_at, keep_until, recorded_by)
            VALUES (\(bind: row.id), \(bind: row.purpose), \(bind: row.definitionVersion), \(bind: row.processing), \(bind: row.risks), \(bind: row.measures),
                    \(bind: row.conclusion.rawValue), \(bind: row.assessor), \(bind: row.assessedOn), \(bind: row.recordedAt.storedMilliseconds),
                    \(bind: row.keepUntil.storedMilliseconds), \(bind: row.recordedBy))
            """).run()
    }

    /// Every assessment (or those of one purpose), oldest first.
    public func assessments(purpose: String? = nil) async throws -> [AssessmentRow] {
        var query: SQLQueryString = "SELECT assessment_id, purpose, definition_version, processing, risks, measures, conclusion, assessor, assessed_on, recorded_at, keep_until, recorded_by FROM impact_assessments"
        if let purpose { query = query + " WHERE purpose = \(bind: purpose)" }
        query = query + " ORDER BY recorded_at, assessment_id"
        return try await database.raw(query).all().map { row in
            let conclusion = try row.decode(column: "conclusion", as: String.self)
            guard let parsed = AssessmentConclusion(rawValue: conclusion) else {
                throw StoreError(.schema, "impact assessment conclusion '\(conclusion)' is unknown; the table was altered by hand")
            }
            return AssessmentRow(
                id: try row.decode(column: "assessment_id", as: String.self),
                purpose: try row.decode(column: "purpose", as: String.self),
                definitionVersion: try row.decode(column: "definition_version", as: String.self),
                processing: try row.decode(column: "processing", as: String.self),
                risks: try row.decode(column: "risks", as: String.self),
                measures: try row.decode(column: "measures", as: String.self),
                conclusion: parsed,
                assessor: try row.decode(column: "assessor", as: String.self),
                assessedOn: try row.decode(column: "assessed_on", as: String.self),
                recordedAt: Date(storedMilliseconds: try row.decode(column: "recorded_at", as: Int64.self)),
                keepUntil: Date(storedMilliseconds: try row.decode(column: "keep_until", as: Int64.self)),
                recordedBy: try row.decode(column: "recorded_by", as: String.self))
        }
    }
}
