extension Migrations {
    /// Tables of the HTTP server: API tokens, stored only as hashes.
    static func server(_ dialect: DatabaseDialect) -> [Migration] {
        [
            (100, [
                "CREATE TABLE api_tokens (token_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT)",
            ]),
        ]
    }
}
