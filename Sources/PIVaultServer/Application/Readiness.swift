import PIVault
import PIVaultCrypto
import PIVaultStore
import Synchronization

/// Whether the server should receive traffic: the database answers, master
/// keys are loaded, and the server is not shutting down.
public final class Readiness: Sendable {
    private let draining = Mutex(false)

    /// Creates a readiness probe.
    public init() {}

    /// Marks the server as shutting down; `/readyz` answers 503 from now on.
    public func beginDraining() { draining.withLock { $0 = true } }

    /// Whether the server is shutting down.
    public var isDraining: Bool { draining.withLock { $0 } }

    func check(_ vault: Vault) async -> [String: String] {
        var checks: [String: String] = [:]
        checks["shutdown"] = isDraining ? "draining" : "ok"
        do {
            _ = try await vault.store.read { try await $0.tokenCount() }
            checks["database"] = "ok"
        } catch {
            checks["database"] = "unreachable"
        }
        checks["keys"] = vault.keyring.keys[vault.keyring.activeVersion] != nil ? "ok" : "missing"
        return checks
    }
}
