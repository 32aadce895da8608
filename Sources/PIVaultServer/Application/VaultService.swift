import Logging
import PIVault
import ServiceLifecycle

/// Owns the vault for the server's lifetime: when the service group shuts
/// down (after the HTTP server has stopped accepting and drained in-flight
/// requests, since services stop in reverse order), it closes the database.
struct VaultService: Service {
    let vault: Vault
    let readiness: Readiness
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        readiness.beginDraining()
        do {
            try await vault.close()
            logger.notice("vault closed")
        } catch {
            logger.error("closing the vault failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
        }
    }
}
