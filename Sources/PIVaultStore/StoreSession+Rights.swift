import Foundation
import SQLKit

extension StoreSession {
    // MARK: Rights requests (Art. 44–50)

    static let requestColumns: SQLQueryString = "request_id, subject_id, type, status, requester, relative_reference, purpose, record_id, payload, created_at, due_at, updated_at, handler, refusal_reason, refusal_article, receipt"

    /// Stores a new request.
    public func insertRequest(_ row: RightsRequestRow) async throws {
        try await database.raw("""
            INSERT INTO rights_requests (\(Self.requestColumns)) VALUES (\(bind: row.id), \(bind: row.subjectID), \(bind: row.type), \(bind: row.status), \(bind: row.requester),
            \(bind: row.relativeReference), \(bind: row.purpose), \(bind: row.recordID), \(bind: row.payload), \(bind: row.createdAt.storedMilliseconds),
            \(bind: row.dueAt.storedMilliseconds), \(bind: row.updatedAt.storedMilliseconds), \(bind: row.handler), \(bind: row.refusalReason), \(bind: row.refusalArticle), \(bind: row.receipt))
            """).run()
    }

    /// A request by id.
    public func request(_ id: String) async throws -> RightsRequestRow? {
        try await database.raw("SELECT \(Self.requestColumns) FROM rights_requests WHERE request_id = \(bind: id)").first().map(Self.requestRow)
    }

    /// Requests, newest due last, filtered by status, subject, and being open past `overdueAt`.
    public func requests(status: String?, subjectID: String?, overdueAt: Date?, limit: Int) async throws -> [RightsRequestRow] {
        var query: SQLQueryString = "SELECT \(Self.requestColumns) FROM rights_requests WHERE 1 = 1"
        if let status { query = query + " AND status = \(bind: status)" }
        if let subjectID { query = query + " AND subject_id = \(bind: subjectID)" }
        if let overdueAt { query = query + " AND due_at < \(bind: overdueAt.storedMilliseconds) AND status NOT IN ('completed', 'refused')" }
        query = query + " ORDER BY due_at, request_id LIMIT \(bind: limit)"
        return try await database.raw(query).all().map(Self.requestRow)
    }

    /// Moves a request to `status`, with its handler, a refusal's reason and the receipt; drops a sealed payload once the request is final.
    public func updateRequest(_ id: String, status: String, at date: Date, handler: String?, refusalReason: String? = nil, refusalArticle: String? = nil,
                              receipt: String? = nil, dropPayload: Bool = false) async throws {
        var query: SQLQueryString = "UPDATE rights_requests SET status = \(bind: status), updated_at = \(bind: date.storedMilliseconds), handler = \(bind: handler)"
        if let refusalReason { query = query + ", refusal_reason = \(bind: refusalReason), refusal_article = \(bind: refusalArticle)" }
        if let receipt { query = query + ", receipt = \(bind: receipt)" }
        if dropPayload { query = query + ", payload = NULL" }
        try await database.raw(query + " WHERE request_id = \(bind: id)").run()
    }

    /// Appends a status change to a request's history.
    public func insertRequestEvent(requestID: String, _ event: RequestEventRow) async throws {
        let seq = try await database.raw("SELECT COUNT(*) AS n FROM rights_request_events WHERE request_id = \(bind: requestID)").first()?.decode(column: "n", as: Int.self) ?? 0
        try await database.raw("INSERT INTO rights_request_events (request_id, seq, at, status, actor, note) VALUES (\(bind: requestID), \(bind: seq + 1), \(bind: event.at.storedMilliseconds), \(bind: event.status), \(bind: event.actor), \(bind: event.note))").run()
    }

    /// A request's status history, oldest first.
    public func requestEvents(requestID: String) async throws -> [RequestEventRow] {
        try await database.raw("SELECT at, status, actor, note FROM rights_request_events WHERE request_id = \(bind: requestID) ORDER BY seq").all().map { row in
            RequestEventRow(at: Date(storedMilliseconds: try row.decode(column: "at", as: Int64.self)), status: try row.decode(column: "status", as: String.self),
                            actor: try row.decode(column: "actor", as: String.self), note: try row.decode(column: "note", as: String?.self))
        }
    }

    static func requestRow(_ row: any SQLRow) throws -> RightsRequestRow {
        RightsRequestRow(
            id: try row.decode(column: "request_id", as: String.self),
            subjectID: try row.decode(column: "subject_id", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            requester: try row.decode(column: "requester", as: String.self),
            relativeReference: try row.decode(column: "relative_reference", as: String?.self),
            purpose: try row.decode(column: "purpose", as: String?.self),
            recordID: try row.decode(column: "record_id", as: String?.self),
            payload: try row.decode(column: "payload", as: Data?.self),
            createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            dueAt: Date(storedMilliseconds: try row.decode(column: "due_at", as: Int64.self)),
            updatedAt: Date(storedMilliseconds: try row.decode(column: "updated_at", as: Int64.self)),
            handler: try row.decode(column: "handler", as: String?.self),
            refusalReason: try row.decode(column: "refusal_reason", as: String?.self),
            refusalArticle: try row.decode(column: "refusal_article", as: String?.self),
            receipt: try row.decode(column: "receipt", as: String?.self))
    }

    // MARK: Subject tokens

    /// Stores a subject token by its hash, revoking the subject's earlier tokens.
    public func insertSubjectToken(hash: String, subjectID: String, at date: Date, expiresAt: Date) async throws {
        try await database.raw("UPDATE subject_tokens SET revoked_at = \(bind: date.storedMilliseconds) WHERE subject_id = \(bind: subjectID) AND revoked_at IS NULL").run()
        try await database.raw("INSERT INTO subject_tokens (token_hash, subject_id, created_at, expires_at) VALUES (\(bind: hash), \(bind: subjectID), \(bind: date.storedMilliseconds), \(bind: expiresAt.storedMilliseconds))").run()
    }

    /// The subject a live token hash belongs to, or nil.
    public func subjectForToken(hash: String, at date: Date) async throws -> String? {
        try await database.raw("SELECT subject_id FROM subject_tokens WHERE token_hash = \(bind: hash) AND revoked_at IS NULL AND expires_at > \(bind: date.storedMilliseconds)")
            .first()?.decode(column: "subject_id", as: String.self)
    }

    // MARK: Records, history and restrictions

    /// A subject's records, oldest first, without values.
    public func recordSummaries(subjectID: String) async throws -> [RecordSummary] {
        try await database.raw("SELECT record_id, standard, purpose, collected_at, retain_until FROM records WHERE subject_id = \(bind: subjectID) ORDER BY collected_at, record_id").all().map { row in
            RecordSummary(recordID: try row.decode(column: "record_id", as: String.self), standard: try row.decode(column: "standard", as: String.self),
                          purpose: try row.decode(column: "purpose", as: String.self),
                          collectedAt: Date(storedMilliseconds: try row.decode(column: "collected_at", as: Int64.self)),
                          retainUntil: Date(storedMilliseconds: try row.decode(column: "retain_until", as: Int64.self)))
        }
    }

    /// Every sealed field of a subject's records, by record id and field.
    public func allSealedFields(subjectID: String) async throws -> [String: [String: Data]] {
        var fields: [String: [String: Data]] = [:]
        for row in try await database.raw("SELECT record_id, field, ciphertext FROM record_fields WHERE subject_id = \(bind: subjectID)").all() {
            fields[try row.decode(column: "record_id", as: String.self), default: [:]][try row.decode(column: "field", as: String.self)] = try row.decode(column: "ciphertext", as: Data.self)
        }
        return fields
    }

    /// Replaces a record's field, keeping the previous ciphertext in the history (Art. 46); inserts the field when it had none.
    public func replaceField(subjectID: String, recordID: String, field: String, ciphertext: Data, previous: Data?, requestID: String, at date: Date) async throws {
        if let previous {
            try await database.raw("INSERT INTO record_history (subject_id, record_id, field, replaced_at, request_id, ciphertext) VALUES (\(bind: subjectID), \(bind: recordID), \(bind: field), \(bind: date.storedMilliseconds), \(bind: requestID), \(bind: previous))").run()
            try await database.raw("UPDATE record_fields SET ciphertext = \(bind: ciphertext) WHERE subject_id = \(bind: subjectID) AND record_id = \(bind: recordID) AND field = \(bind: field)").run()
        } else {
            try await database.raw("INSERT INTO record_fields (subject_id, record_id, field, ciphertext) VALUES (\(bind: subjectID), \(bind: recordID), \(bind: field), \(bind: ciphertext))").run()
        }
    }

    /// A subject's corrected-value history: record, field, when replaced, by which request, and the sealed old value.
    public func fieldHistory(subjectID: String) async throws -> [(recordID: String, field: String, replacedAt: Date, requestID: String, ciphertext: Data)] {
        try await database.raw("SELECT record_id, field, replaced_at, request_id, ciphertext FROM record_history WHERE subject_id = \(bind: subjectID) ORDER BY replaced_at, record_id, field").all().map { row in
            (try row.decode(column: "record_id", as: String.self), try row.decode(column: "field", as: String.self),
             Date(storedMilliseconds: try row.decode(column: "replaced_at", as: Int64.self)), try row.decode(column: "request_id", as: String.self),
             try row.decode(column: "ciphertext", as: Data.self))
        }
    }

    /// Replaces one blind-index digest of a subject (after a correction).
    public func replaceBlindIndex(subjectID: String, kind: String, old: String?, new: String) async throws {
        if let old { try await database.raw("DELETE FROM blind_indexes WHERE subject_id = \(bind: subjectID) AND kind = \(bind: kind) AND digest = \(bind: old)").run() }
        try await database.insert(into: "blind_indexes").columns("subject_id", "kind", "digest").values(subjectID, kind, new).ignoringConflicts().run()
    }

    /// Restricts records to storage and protection.
    public func insertRestrictions(_ rows: [RestrictionRow]) async throws {
        for row in rows {
            try await database.insert(into: "record_restrictions").columns("subject_id", "record_id", "request_id", "reason", "article", "since")
                .values(row.subjectID, row.recordID, row.requestID, row.reason, row.article, row.since.storedMilliseconds).ignoringConflicts().run()
        }
    }

    /// A subject's restricted records.
    public func restrictions(subjectID: String) async throws -> [RestrictionRow] {
        try await database.raw("SELECT subject_id, record_id, request_id, reason, article, since FROM record_restrictions WHERE subject_id = \(bind: subjectID) ORDER BY record_id").all().map { row in
            RestrictionRow(subjectID: try row.decode(column: "subject_id", as: String.self), recordID: try row.decode(column: "record_id", as: String.self),
                           requestID: try row.decode(column: "request_id", as: String.self), reason: try row.decode(column: "reason", as: String.self),
                           article: try row.decode(column: "article", as: String.self), since: Date(storedMilliseconds: try row.decode(column: "since", as: Int64.self)))
        }
    }

    // MARK: Erasures waiting for a legal retention period (Art. 47)

    /// Marks a subject to be erased once its restricted records are gone.
    public func insertPendingErasure(subjectID: String, requestID: String, at date: Date) async throws {
        try await database.insert(into: "pending_erasures").columns("subject_id", "request_id", "since").values(subjectID, requestID, date.storedMilliseconds).ignoringConflicts().run()
    }

    /// Subjects waiting for erasure that no longer hold any record.
    public func pendingErasuresDue() async throws -> [(subjectID: String, requestID: String)] {
        try await database.raw("SELECT p.subject_id, p.request_id FROM pending_erasures p WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = p.subject_id) ORDER BY p.subject_id").all().map { row in
            (try row.decode(column: "subject_id", as: String.self), try row.decode(column: "request_id", as: String.self))
        }
    }

    /// Removes the rights-mechanism rows of an erased subject (history, restrictions, tokens, pending erasure).
    public func deleteRightsData(subjectID: String) async throws {
        for table in ["record_history", "record_restrictions", "subject_tokens", "pending_erasures"] {
            try await database.raw("DELETE FROM \(ident: table) WHERE subject_id = \(bind: subjectID)").run()
        }
    }

    // MARK: Deceased subjects (Art. 49)

    /// Records that a subject has died, and whether they excluded their relatives' rights while alive.
    public func markDeceased(subjectID: String, reference: String, relativesExcluded: Bool, at date: Date) async throws {
        try await database.raw("DELETE FROM deceased_subjects WHERE subject_id = \(bind: subjectID)").run()
        try await database.insert(into: "deceased_subjects").columns("subject_id", "recorded_at", "death_reference", "relatives_excluded")
            .values(subjectID, date.storedMilliseconds, reference, relativesExcluded ? 1 : 0).run()
    }

    /// Whether a subject is recorded as deceased, and whether relatives are excluded.
    public func deceased(subjectID: String) async throws -> (reference: String, relativesExcluded: Bool)? {
        guard let row = try await database.raw("SELECT death_reference, relatives_excluded FROM deceased_subjects WHERE subject_id = \(bind: subjectID)").first() else { return nil }
        return (try row.decode(column: "death_reference", as: String.self), try row.decode(column: "relatives_excluded", as: Int.self) != 0)
    }
}
