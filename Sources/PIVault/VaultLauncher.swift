import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// Opens a vault from the settings a command line or server takes:
/// configuration file, data folder, database location and key source.
public struct VaultLauncher: Sendable {
    /// The configuration file.
    public var configPath: String
    /// The data folder (SQLite file and development key).
    public var dataDirectory: String
    /// The database; nil means SQLite in the data folder.
    public var database: String?
    /// A master-key file, if given.
    public var masterKeyFile: String?
    /// The environment (for `PIVAULT_MASTER_KEY`).
    public var environment: [String: String]

    /// Creates a launcher.
    public init(configPath: String, dataDirectory: String, database: String?, masterKeyFile: String?, environment: [String: String]) {
        self.configPath = configPath
        self.dataDirectory = dataDirectory
        self.database = database
        self.masterKeyFile = masterKeyFile
        self.environment = environment
    }

    /// The database location.
    public var location: DatabaseLocation {
        if let database { return DatabaseLocation(parsing: database) }
        return .sqlite(path: (dataDirectory as NSString).appendingPathComponent("vault.sqlite"))
    }

    /// The key source.
    public var keySource: KeySource {
        KeySource.resolve(environment: environment, keyFile: masterKeyFile, dataDirectory: dataDirectory)
    }

    /// Whether the database already holds a vault; a missing SQLite file is not created to find out.
    func holdsVault(logger: Logger) async throws -> Bool {
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) { return false }
        let engine = try await location.open(logger: logger)
        do {
            let holds = try await VaultStore.attach(engine).holdsVault()
            try await engine.close()
            return holds
        } catch {
            try? await engine.close()
            throw error
        }
    }

    /// Loads the configuration, the keys and the store, and opens the vault.
    public func open(clock: any VaultClock = SystemClock(), logger: Logger, warn: (String) -> Void) async throws -> Vault {
        let configuration = try ConfigurationLoader.load(path: configPath)
        if case .sqlite = location {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let source = keySource
        if case .development(let file) = source, !file.exists, try await holdsVault(logger: logger) {
            // Generating a development key now would only make a key this vault cannot use.
            throw VaultError(.keyMismatch, "this vault already exists, and no master key was given: no PIVAULT_MASTER_KEY, no --master-key-file and no development key at \(file.path); supply the key it was created with. Nothing was changed.")
        }
        let keyring = try source.load(warn: warn)
        let engine = try await location.open(logger: logger)
        do {
            return try await Vault.open(configuration: configuration, engine: engine, keyring: keyring, clock: clock, logger: logger)
        } catch {
            try? await engine.close()
            throw error
        }
    }
}
