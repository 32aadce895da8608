import Foundation
import SQLKit

extension StoreSession {
    // MARK: Consent receipts

    /// Stores a signed consent receipt document.
    public func insertConsentReceipt(subjectID: String, receiptID: String, document: String, at date: Date) async throws {
        try await database.raw("INSERT INTO consent_receipts (subject_id, receipt_id, created_at, document) VALUES (\(bind: subjectID), \(bind: receiptID), \(bind: date.storedMilliseconds), \(bind: document))").run()
    }

    /// A subject's consent receipt documents, oldest first.
    public func consentReceipts(subjectID: String) async throws -> [String] {
        try await database.raw("SELECT document FROM consent_receipts WHERE subject_id = \(bind: subjectID) ORDER BY created_at, receipt_id").all()
            .map { try $0.decode(column: "document", as: String.self) }
    }

    // MARK: Notices owed (Art. 18)

    /// Records notices owed for records collected under an emergency.
    public func insertNoticesOwed(_ rows: [NoticeOwedRow]) async throws {
        for chunk in rows.chunked(200) {
            try await database.insert(into: "notices_owed").columns("subject_id", "record_id", "emergency_id", "purpose", "owed_since")
                .boundRows(chunk.map { [$0.subjectID, $0.recordID, $0.emergencyID, $0.purpose, $0.owedSince.storedMilliseconds] }).run()
        }
    }

    /// Marks an emergency's owed notices produced.
    public func produceNotices(emergencyID: String, at date: Date) async throws {
        try await database.raw("UPDATE notices_owed SET produced_at = \(bind: date.storedMilliseconds) WHERE emergency_id = \(bind: emergencyID) AND produced_at IS NULL").run()
    }

    /// Owed notices, optionally for one emergency, produced ones only when asked.
    public func noticesOwed(emergencyID: String?, producedOnly: Bool, undeliveredOnly: Bool = false) async throws -> [NoticeOwedRow] {
        var query: SQLQueryString = "SELECT subject_id, record_id, emergency_id, purpose, owed_since, produced_at, delivered_at, attempts, last_error FROM notices_owed WHERE 1 = 1"
        if let emergencyID { query = query + " AND emergency_id = \(bind: emergencyID)" }
        if producedOnly { query = query + " AND produced_at IS NOT NULL" }
        if undeliveredOnly { query = query + " AND delivered_at IS NULL" }
        query = query + " ORDER BY owed_since, subject_id, record_id"
        return try await database.raw(query).all().map { row in
            NoticeOwedRow(
                subjectID: try row.decode(column: "subject_id", as: String.self),
                recordID: try row.decode(column: "record_id", as: String.self),
                emergencyID: try row.decode(column: "emergency_id", as: String.self),
                purpose: try row.decode(column: "purpose", as: String.self),
                owedSince: Date(storedMilliseconds: try row.decode(column: "owed_since", as: Int64.self)),
                producedAt: try row.decode(column: "produced_at", as: Int64?.self).storedDate,
                deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).storedDate,
                attempts: try row.decode(column: "attempts", as: Int.self),
                lastError: try row.decode(column: "last_error", as: String?.self))
        }
    }

    /// Records a delivery attempt's outcome.
    public func recordDelivery(subjectID: String, recordID: String, deliveredAt: Date?, error: String?) async throws {
        try await database.raw("UPDATE notices_owed SET attempts = attempts + 1, delivered_at = \(bind: deliveredAt?.storedMilliseconds), last_error = \(bind: error) WHERE subject_id = \(bind: subjectID) AND record_id = \(bind: recordID)").run()
    }

    /// Caps the retention of an emergency's records at `deadline` (Art. 18, 19).
    public func capRetention(emergencyID: String, at deadline: Date) async throws {
        try await database.raw("""
            UPDATE records SET retain_until = \(bind: deadline.storedMilliseconds)
            WHERE retain_until > \(bind: deadline.storedMilliseconds)
              AND record_id IN (SELECT record_id FROM notices_owed WHERE emergency_id = \(bind: emergencyID))
            """).run()
    }

    // MARK: Retention and deletion receipts (Art. 19, 47)

    /// Up to `limit` records whose retention deadline is at or before `date`.
    public func recordsDue(at date: Date, limit: Int) async throws -> [RecordRef] {
        try await database.raw("SELECT subject_id, record_id, standard, purpose, retain_until FROM records WHERE retain_until <= \(bind: date.storedMilliseconds) ORDER BY retain_until, subject_id, record_id LIMIT \(bind: limit)").all().map(Self.recordRef)
    }

    /// How many records are due at `date`.
    public func countRecordsDue(at date: Date) async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM records WHERE retain_until <= \(bind: date.storedMilliseconds)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A subject's records collected for `purpose`.
    public func records(subjectID: String, purpose: String) async throws -> [RecordRef] {
        try await database.raw("SELECT subject_id, record_id, standard, purpose, retain_until FROM records WHERE subject_id = \(bind: subjectID) AND purpose = \(bind: purpose) ORDER BY record_id").all().map(Self.recordRef)
    }

    static func recordRef(_ row: any SQLRow) throws -> RecordRef {
        RecordRef(
            subjectID: try row.decode(column: "subject_id", as: String.self),
            recordID: try row.decode(column: "record_id", as: String.self),
            standard: try row.decode(column: "standard", as: String.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            retainUntil: Date(storedMilliseconds: try row.decode(column: "retain_until", as: Int64.self)))
    }

    /// Deletes records (fields, then rows) and writes their deletion receipts, in this session.
    public func deleteRecords(_ records: [RecordRef], receipts: [DeletionReceiptRow]) async throws {
        for chunk in records.chunked(400) {
            // By (subject, record) pairs, so each row is found through the primary key rather than a scan.
            let pairs: SQLQueryString = chunk.map { "(\(bind: $0.subjectID), \(bind: $0.recordID))" as SQLQueryString }.joined(separator: ", ")
            for table in ["record_fields", "record_history", "record_restrictions", "biometric_templates", "records"] {
                // Corrected-value history, restrictions and biometric templates go with the record (PIPL Art. 28, 46–47).
                try await database.raw("DELETE FROM \(ident: table) WHERE (subject_id, record_id) IN (VALUES " + pairs + ")").run()
            }
        }
        try await insertDeletionReceipts(receipts)
    }

    /// Stores deletion receipts.
    public func insertDeletionReceipts(_ receipts: [DeletionReceiptRow]) async throws {
        for chunk in receipts.chunked(200) {
            try await database.insert(into: "deletion_receipts").columns("receipt_id", "subject_id", "record_id", "standard", "purpose", "reason", "article", "deleted_at")
                .boundRows(chunk.map { [$0.id, $0.subjectID, $0.recordID, $0.standard, $0.purpose, $0.reason, $0.article, $0.deletedAt.storedMilliseconds] }).run()
        }
    }

    /// A subject's deletion receipts (or all, most recent first, up to `limit`).
    public func deletionReceipts(subjectID: String?, limit: Int = 1000) async throws -> [DeletionReceiptRow] {
        var query: SQLQueryString = "SELECT receipt_id, subject_id, record_id, standard, purpose, reason, article, deleted_at FROM deletion_receipts"
        if let subjectID { query = query + " WHERE subject_id = \(bind: subjectID)" }
        query = query + " ORDER BY deleted_at DESC, receipt_id LIMIT \(bind: limit)"
        return try await database.raw(query).all().map { row in
            DeletionReceiptRow(
                id: try row.decode(column: "receipt_id", as: String.self),
                subjectID: try row.decode(column: "subject_id", as: String.self),
                recordID: try row.decode(column: "record_id", as: String?.self),
                standard: try row.decode(column: "standard", as: String?.self),
                purpose: try row.decode(column: "purpose", as: String?.self),
                reason: try row.decode(column: "reason", as: String.self),
                article: try row.decode(column: "article", as: String.self),
                deletedAt: Date(storedMilliseconds: try row.decode(column: "deleted_at", as: Int64.self)))
        }
    }
}
