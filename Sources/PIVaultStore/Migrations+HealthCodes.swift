extension Migrations {
    /// Tables of the health codes: the issuers (certificate, and private key
    /// wrapped under the master key) and the codes issued, keyed by subject.
    /// A code row holds the link from the random code id to its subject —
    /// the link the code itself never carries. `issue_seq` numbers a subject's
    /// codes, so the latest is known even when two share a timestamp.
    static func healthCodes(_ dialect: DatabaseDialect) -> [Migration] {
        let blob = dialect.blobType
        return [
            (600, [
                "CREATE TABLE health_code_issuers (issuer_id TEXT PRIMARY KEY, name TEXT NOT NULL, certificate TEXT NOT NULL, key_version BIGINT NOT NULL, wrapped_key \(blob) NOT NULL, created_at BIGINT NOT NULL)",
                "CREATE TABLE health_codes (subject_id TEXT NOT NULL, code_id TEXT NOT NULL, issuer_id TEXT NOT NULL, status TEXT NOT NULL, valid_from BIGINT NOT NULL, valid_until BIGINT NOT NULL, purpose TEXT NOT NULL, actor TEXT NOT NULL, issued_at BIGINT NOT NULL, issue_seq BIGINT NOT NULL, code TEXT NOT NULL, revoked_at BIGINT, PRIMARY KEY (subject_id, code_id))",
                "CREATE UNIQUE INDEX health_codes_code_id ON health_codes (code_id)",
                "CREATE INDEX health_codes_revoked_at ON health_codes (revoked_at)",
            ]),
        ]
    }
}
