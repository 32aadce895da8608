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

    /// Loads the configuration, the keys and the store, and opens the vault.
    public func open(clock: any VaultClock = SystemClock(), logger: Logger, warn: (String) -> Void) async throws -> Vault {
        let configuration = try ConfigurationLoader.load(path: configPath)
        if case .sqlite = location {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let keyring = try keySource.load(warn: warn)
        let engine = try await location.open(logger: logger)
        do {
            let store = try await VaultStore.open(engine)
            return try await Vault.open(configuration: configuration, store: store, keyring: keyring, clock: clock, logger: logger)
        } catch {
            try? await engine.close()
            throw error
        }
    }
}
