import Logging
import PIVault

extension PeriodicService {
    /// Signs a new transparency-log checkpoint every `interval` when the tree grew,
    /// so `/log/checkpoint` trails the newest acknowledged event by at most that long.
    static func checkpoints(vault: Vault, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(interval: interval, firstRound: .atStart, failure: "checkpoint not published; retrying", logger: logger) {
            try await vault.publishCheckpoint()
        }
    }
}
