extension Migrations {
    /// Tables of the law engine: consents bound to notice versions, signed
    /// receipts, notices owed after emergencies, deletion receipts.
    static func lawEngine(_ dialect: DatabaseDialect) -> [Migration] {
        [
            (200, [
                "ALTER TABLE consents ADD COLUMN notice_version TEXT",
                "ALTER TABLE consents ADD COLUMN method TEXT",
                "ALTER TABLE consents ADD COLUMN guardian TEXT",
                "CREATE TABLE consent_receipts (subject_id TEXT NOT NULL, receipt_id TEXT NOT NULL, created_at BIGINT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (subject_id, receipt_id))",
                "CREATE TABLE notices_owed (subject_id TEXT NOT NULL, record_id TEXT NOT NULL, emergency_id TEXT NOT NULL, purpose TEXT NOT NULL, owed_since BIGINT NOT NULL, produced_at BIGINT, delivered_at BIGINT, attempts BIGINT NOT NULL DEFAULT 0, last_error TEXT, PRIMARY KEY (subject_id, record_id))",
                "CREATE INDEX notices_owed_emergency ON notices_owed (emergency_id)",
                "CREATE TABLE deletion_receipts (receipt_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, record_id TEXT, standard TEXT, purpose TEXT, reason TEXT NOT NULL, article TEXT NOT NULL, deleted_at BIGINT NOT NULL)",
                "CREATE INDEX deletion_receipts_subject ON deletion_receipts (subject_id)",
            ]),
        ]
    }
}
