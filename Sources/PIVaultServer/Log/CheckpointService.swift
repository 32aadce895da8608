import Logging
import PIVault
import ServiceLifecycle

/// Signs a new transparency-log checkpoint every `interval` when the tree grew,
/// so `/log/checkpoint` trails the newest acknowledged event by at most that long.
struct CheckpointService: Service {
    let vault: Vault
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await vault.publishCheckpoint()
                } catch {
                    logger.warning("checkpoint not published; retrying", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
