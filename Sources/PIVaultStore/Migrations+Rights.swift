extension Migrations {
    /// Tables of the rights-request mechanism (PIPL Art. 44–50): requests and
    /// their status history, subject tokens (hashes only), the encrypted history
    /// of corrected values, record restrictions, deceased subjects, and erasures
    /// that wait for a legal retention period to end.
    static func rights(_ dialect: DatabaseDialect) -> [Migration] {
        let blob = dialect.blobType
        return [
            (400, [
                "CREATE TABLE rights_requests (request_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, requester TEXT NOT NULL, relative_reference TEXT, purpose TEXT, record_id TEXT, payload \(blob), created_at BIGINT NOT NULL, due_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, handler TEXT, refusal_reason TEXT, refusal_article TEXT, receipt TEXT)",
                "CREATE INDEX rights_requests_subject ON rights_requests (subject_id)",
                "CREATE INDEX rights_requests_status_due ON rights_requests (status, due_at)",
                "CREATE TABLE rights_request_events (request_id TEXT NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL, status TEXT NOT NULL, actor TEXT NOT NULL, note TEXT, PRIMARY KEY (request_id, seq))",
                "CREATE TABLE subject_tokens (token_hash TEXT PRIMARY KEY, subject_id TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT)",
                "CREATE INDEX subject_tokens_subject ON subject_tokens (subject_id)",
                "CREATE TABLE record_history (subject_id TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, replaced_at BIGINT NOT NULL, request_id TEXT NOT NULL, ciphertext \(blob) NOT NULL, PRIMARY KEY (subject_id, record_id, field, replaced_at))",
                "CREATE TABLE record_restrictions (subject_id TEXT NOT NULL, record_id TEXT NOT NULL, request_id TEXT NOT NULL, reason TEXT NOT NULL, article TEXT NOT NULL, since BIGINT NOT NULL, PRIMARY KEY (subject_id, record_id))",
                "CREATE TABLE pending_erasures (subject_id TEXT PRIMARY KEY, request_id TEXT NOT NULL, since BIGINT NOT NULL)",
                "CREATE TABLE deceased_subjects (subject_id TEXT PRIMARY KEY, recorded_at BIGINT NOT NULL, death_reference TEXT NOT NULL, relatives_excluded BIGINT NOT NULL)",
            ]),
        ]
    }
}
