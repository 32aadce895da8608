extension Migrations {
    /// Tables of de-identification: the differential-privacy budget ledger, one row per dataset.
    static func deidentify(_ dialect: DatabaseDialect) -> [Migration] {
        [
            (700, [
                "CREATE TABLE privacy_ledgers (dataset TEXT PRIMARY KEY, document TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            ]),
        ]
    }
}
