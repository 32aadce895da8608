import Logging
import PIVault
import ServiceLifecycle

/// Reloads suspended tokens from the database every `interval`, so a token an
/// anomaly rule suspended on one server instance — or an administrator lifted
/// on another — is refused or readmitted everywhere within that time (PIPL Art. 51).
struct SuspensionService: Service {
    let vault: Vault
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    try await vault.refreshSuspensions()
                } catch {
                    logger.warning("suspensions not refreshed; retrying", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }
}
