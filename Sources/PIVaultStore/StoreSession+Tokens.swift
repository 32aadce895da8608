import Foundation
import SQLKit

extension StoreSession {
    static let tokenColumns = "token_id, token_hash, name, role, created_at, expires_at, revoked_at"

    /// Stores a new API token (its hash only).
    public func insertToken(_ token: TokenRow) async throws {
        try await database.raw("""
            INSERT INTO api_tokens (token_id, token_hash, name, role, created_at, expires_at, revoked_at)
            VALUES (\(bind: token.id), \(bind: token.hash), \(bind: token.name), \(bind: token.role), \(bind: token.createdAt.storedMilliseconds), \(bind: token.expiresAt?.storedMilliseconds), \(bind: token.revokedAt?.storedMilliseconds))
            """).run()
    }

    /// The token with this SHA-256 hash, live or not.
    public func token(hash: String) async throws -> TokenRow? {
        try await database.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE token_hash = \(bind: hash)").first().map(Self.tokenRow)
    }

    /// The token with this id.
    public func token(id: String) async throws -> TokenRow? {
        try await database.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE token_id = \(bind: id)").first().map(Self.tokenRow)
    }

    /// Every token, oldest first.
    public func tokens() async throws -> [TokenRow] {
        try await database.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens ORDER BY created_at, token_id").all().map(Self.tokenRow)
    }

    /// Revokes a token; returns false when no live token has this id.
    public func revokeToken(id: String, at date: Date) async throws -> Bool {
        let before = try await token(id: id)
        guard let before, before.revokedAt == nil else { return false }
        try await database.raw("UPDATE api_tokens SET revoked_at = \(bind: date.storedMilliseconds) WHERE token_id = \(bind: id) AND revoked_at IS NULL").run()
        return true
    }

    /// How many tokens exist, revoked ones included.
    public func tokenCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM api_tokens").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func tokenRow(_ row: any SQLRow) throws -> TokenRow {
        TokenRow(
            id: try row.decode(column: "token_id", as: String.self),
            hash: try row.decode(column: "token_hash", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).storedDate,
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).storedDate)
    }
}
