import PIVaultCore
import ArgumentParser
import Foundation
import Logging
import PIVault

/// The options every vault command shares; each also reads a `PIVAULT_…` variable.
struct VaultOptions: ParsableArguments {
    @Option(help: "Configuration file (env PIVAULT_CONFIG; default ./pivault.yaml).")
    var config: String?

    @Option(help: "Data folder for the SQLite database and development key (env PIVAULT_DATA; default ./pivault-data).")
    var data: String?

    @Option(help: "Database: a PostgreSQL URL or an SQLite path (env PIVAULT_DATABASE_URL; default SQLite in the data folder).")
    var database: String?

    @Option(help: "Master-key file (env PIVAULT_MASTER_KEY_FILE); PIVAULT_MASTER_KEY takes precedence.")
    var masterKeyFile: String?

    var launcher: VaultLauncher {
        let environment = ProcessInfo.processInfo.environment
        return VaultLauncher(
            configPath: config ?? environment["PIVAULT_CONFIG"] ?? "pivault.yaml",
            dataDirectory: data ?? environment["PIVAULT_DATA"] ?? "pivault-data",
            database: database ?? environment["PIVAULT_DATABASE_URL"],
            masterKeyFile: masterKeyFile,
            environment: environment)
    }

    /// Opens the vault, runs `body`, and closes it, whatever happens.
    func withVault<T>(_ body: (Vault) async throws -> T) async throws -> T {
        let vault = try await launcher.open(logger: CLI.logger, warn: CLI.warn)
        do {
            let result = try await body(vault)
            try? await vault.close()
            return result
        } catch {
            try? await vault.close()
            throw error
        }
    }
}
