import Logging
import PIVault

extension PeriodicService {
    /// Reloads suspended tokens from the database every `interval`, so a token an
    /// anomaly rule suspended on one server instance — or an administrator lifted
    /// on another — is refused or readmitted everywhere within that time (PIPL Art. 51).
    /// The first reload waits one interval: the vault loaded the suspensions when it opened.
    static func suspensions(vault: Vault, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(interval: interval, firstRound: .afterInterval, failure: "suspensions not refreshed; retrying", logger: logger) {
            try await vault.refreshSuspensions()
        }
    }
}
