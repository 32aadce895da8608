import Foundation
import PIVault
import PIVaultCore
import PIVaultStore
import Synchronization

/// Turns a bearer secret into a ``Principal``, caching live tokens briefly
/// so a busy server does not look every request's token up in the database.
final class TokenAuthenticator: Sendable {
    enum Outcome: Sendable {
        case authenticated(Principal)
        case unknown
        case roleMissing(String)
        case suspended(SuspensionRow)
    }

    private struct Entry: Sendable {
        var row: TokenRow
        var fetchedAt: Date
    }

    private let tokens: APITokens
    private let cacheSeconds: Double
    private let cache = Mutex<[String: Entry]>([:])
    private static let cacheLimit = 10_000
    private let alerts: AlertCenter?

    init(tokens: APITokens, cacheSeconds: Double, alerts: AlertCenter? = nil) {
        self.tokens = tokens
        self.cacheSeconds = cacheSeconds
        self.alerts = alerts
    }

    func authenticate(_ secret: TokenSecret) async throws -> Outcome {
        guard secret.isWellFormed else { return .unknown }
        let now = tokens.clock.now()
        let hash = secret.hash
        let cached = cache.withLock { entries -> TokenRow? in
            guard let entry = entries[hash], now.timeIntervalSince(entry.fetchedAt) < cacheSeconds else { return nil }
            return entry.row
        }
        let row: TokenRow
        if let cached {
            row = cached
        } else {
            guard let fetched = try await tokens.store.read({ try await $0.token(hash: hash) }) else { return .unknown }
            row = fetched
            cache.withLock { entries in
                if entries.count >= Self.cacheLimit { entries.removeAll(keepingCapacity: true) }
                entries[hash] = Entry(row: fetched, fetchedAt: now)
            }
        }
        guard row.isLive(at: now) else { return .unknown }
        guard let role = tokens.configuration.roles[row.role] else { return .roleMissing(row.role) }
        // A token an anomaly rule suspended (PIPL Art. 51) stays refused until an administrator lifts it.
        if let suspension = alerts?.suspension(of: row.id) { return .suspended(suspension) }
        return .authenticated(Principal(tokenID: row.id, name: row.name, role: role))
    }

    /// Forgets a token at once (after a revocation through this process).
    func forget(tokenID: String) {
        cache.withLock { entries in entries = entries.filter { $0.value.row.id != tokenID } }
    }
}
