import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// Creates, lists and revokes API tokens. A token is 256 random bits shown
/// once; the database keeps only its SHA-256 hash, its name, its role and
/// its lifetime.
public struct APITokens: Sendable {
    /// A newly created token: the secret (shown once) and its stored row.
    public struct Issued: Sendable {
        /// The secret; print it once with ``TokenSecret/reveal()``.
        public var secret: TokenSecret
        /// What the database keeps.
        public var row: TokenRow
    }

    let store: VaultStore
    let configuration: VaultConfiguration
    let clock: any VaultClock

    /// Creates the token manager for a vault's store and configuration.
    public init(store: VaultStore, configuration: VaultConfiguration, clock: any VaultClock = SystemClock()) {
        self.store = store
        self.configuration = configuration
        self.clock = clock
    }

    /// Creates a token acting in `role`, which the configuration must declare.
    ///
    /// - Throws: ``VaultError`` `invalidInput` for an unknown role, an empty name or an expiry in the past.
    public func create(role: String, name: String, expiresAt: Date? = nil) async throws -> Issued {
        guard configuration.roles[role] != nil else {
            throw VaultError(.invalidInput, "role '\(role)' is not declared in the configuration; use one of \(configuration.roles.keys.sorted().joined(separator: ", "))", fieldPath: "role", article: "PIPL Art. 51")
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw VaultError(.invalidInput, "a token needs a name of 1 to 100 characters that says who or what uses it", fieldPath: "name")
        }
        let now = clock.now()
        if let expiresAt, expiresAt <= now {
            throw VaultError(.invalidInput, "the expiry must be in the future", fieldPath: "expires")
        }
        let secret = TokenSecret.generate()
        let row = TokenRow(id: Identifiers.random(prefix: "tok"), hash: secret.hash, name: trimmed, role: role,
                           createdAt: now, expiresAt: expiresAt, revokedAt: nil)
        try await store.write { try await $0.insertToken(row) }
        return Issued(secret: secret, row: row)
    }

    /// Every token, revoked and expired ones included; never the secrets.
    public func list() async throws -> [TokenRow] {
        try await store.read { try await $0.tokens() }
    }

    /// Revokes a token by id; it stops working at once in this process and
    /// within the token cache time in running servers.
    public func revoke(id: String) async throws {
        let now = clock.now()
        guard try await store.write({ try await $0.revokeToken(id: id, at: now) }) else {
            throw VaultError(.notFound, "no live token has id \(id); list them with `pivault token list`", fieldPath: "id")
        }
    }

    /// On a vault without any token, creates one for the first administrator
    /// role and returns it, so it can be shown once; otherwise nil.
    public func createFirstAdminToken() async throws -> Issued? {
        guard try await store.read({ try await $0.tokenCount() }) == 0 else { return nil }
        guard let role = configuration.roles.values.filter(\.administrator).map(\.id).sorted().first else { return nil }
        return try await create(role: role, name: "first admin (created on first start)")
    }

    /// The live token with this secret, or nil.
    public func find(_ secret: TokenSecret) async throws -> TokenRow? {
        guard secret.isWellFormed else { return nil }
        let hash = secret.hash
        guard let row = try await store.read({ try await $0.token(hash: hash) }), row.isLive(at: clock.now()) else { return nil }
        return row
    }
}
