import Logging
import PIVault
import ServiceLifecycle

/// Runs the retention sweep on a schedule inside `pivault serve`, so records
/// are deleted on time without an operator (PIPL Art. 19, 47).
struct RetentionService: Service {
    let vault: Vault
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await vault.sweepRetention()
                    if report.deleted > 0 { logger.notice("retention sweep", metadata: ["deleted": "\(report.deleted)"]) }
                } catch {
                    logger.warning("retention sweep failed; retrying at the next interval", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
