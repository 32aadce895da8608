import Logging
import PIVault

extension PeriodicService {
    /// Runs the retention sweep on a schedule inside `pivault serve`, so records
    /// are deleted on time without an operator (PIPL Art. 19, 47). The sweep logs what it deleted.
    static func retention(vault: Vault, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(interval: interval, firstRound: .atStart, failure: "retention sweep failed; retrying at the next interval", logger: logger) {
            _ = try await vault.sweepRetention()
        }
    }
}
