import Foundation
import SQLKit

extension StoreSession {
    /// A subject's key row and, in the same query, the sealed values of
    /// `fields` in its records of `standards` — the hot path of a read whose
    /// decision needed nothing from the store, with the restrictions of the
    /// records fetched (PIPL Art. 44, 47(2)) and the subject's sealed log
    /// commitment salt. Nil when the subject does not exist.
    public func subjectKeyAndFields(subjectID: String, standards: [String], fields: [String]) async throws -> (SubjectKeyRow, [SealedField], [RestrictionRow])? {
        guard !standards.isEmpty, !fields.isEmpty else {
            return try await subjectKey(subjectID).map { ($0, [], []) }
        }
        let rows = try await database.raw("""
            SELECT s.subject_id, s.key_version, s.wrapped_key, s.erased_at, s.log_salt, r.record_id, r.standard, r.collected_at, f.field, f.ciphertext,
                   x.request_id AS restricted_by, x.reason AS restriction_reason, x.article AS restriction_article, x.since AS restricted_since
            FROM subjects s
            LEFT JOIN records r ON r.subject_id = s.subject_id AND r.standard IN (\(binds: standards))
            LEFT JOIN record_fields f ON f.subject_id = r.subject_id AND f.record_id = r.record_id AND f.field IN (\(binds: fields))
            LEFT JOIN record_restrictions x ON x.subject_id = r.subject_id AND x.record_id = r.record_id
            WHERE s.subject_id = \(bind: subjectID)
            ORDER BY r.collected_at, r.record_id, f.field
            """).all()
        guard let first = rows.first else { return nil }
        var key = try Self.subjectKeyRow(first)
        key.logSalt = try first.decode(column: "log_salt", as: Data?.self)
        guard key.erasedAt == nil else { return (key, [], []) }
        var restrictions: [RestrictionRow] = []
        var sealed: [SealedField] = []
        sealed.reserveCapacity(rows.count)
        for row in rows {
            guard let field = try row.decode(column: "field", as: String?.self) else { continue }
            if let reason = try row.decode(column: "restriction_reason", as: String?.self) {
                restrictions.append(RestrictionRow(subjectID: subjectID, recordID: try row.decode(column: "record_id", as: String.self),
                                                   requestID: try row.decode(column: "restricted_by", as: String.self), reason: reason,
                                                   article: try row.decode(column: "restriction_article", as: String.self),
                                                   since: Date(storedMilliseconds: try row.decode(column: "restricted_since", as: Int64.self))))
            }
            sealed.append(SealedField(
                recordID: try row.decode(column: "record_id", as: String.self),
                standard: try row.decode(column: "standard", as: String.self),
                collectedAt: Date(storedMilliseconds: try row.decode(column: "collected_at", as: Int64.self)),
                field: field,
                ciphertext: try row.decode(column: "ciphertext", as: Data.self)))
        }
        return (key, sealed, restrictions)
    }
}
