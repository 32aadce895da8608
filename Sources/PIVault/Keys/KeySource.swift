import Foundation
import PIVaultCore
import PIVaultCrypto

/// Where the master keys come from: `PIVAULT_MASTER_KEY`, a key file, or —
/// for development only — a key generated into the data folder.
public enum KeySource: Sendable {
    /// Keys given in the environment: `BASE64` or `VERSION:BASE64,VERSION:BASE64`.
    case environment(String)
    /// A key file.
    case file(KeyFile)
    /// The development key file in the data folder, created when missing.
    case development(KeyFile)

    /// Picks the source: the environment variable, then `--master-key-file`, then the development key.
    public static func resolve(environment: [String: String], keyFile: String?, dataDirectory: String) -> KeySource {
        if let value = environment["PIVAULT_MASTER_KEY"], !value.isEmpty { return .environment(value) }
        if let keyFile = keyFile ?? environment["PIVAULT_MASTER_KEY_FILE"] { return .file(KeyFile(path: keyFile)) }
        return .development(KeyFile(path: (dataDirectory as NSString).appendingPathComponent("master.keys")))
    }

    /// Loads the keyring. A missing development key is generated (mode 0600)
    /// and `warn` is called with a loud warning.
    public func load(warn: (String) -> Void) throws -> Keyring {
        switch self {
        case .environment(let text):
            return try Keyring(Self.parse(text, origin: "PIVAULT_MASTER_KEY"))
        case .file(let file):
            return try Keyring(file.read())
        case .development(let file):
            if file.exists { 
                warn("WARNING: using the development master key in \(file.path). Production vaults must pass PIVAULT_MASTER_KEY or --master-key-file.")
                return try Keyring(file.read())
            }
            let key = MasterKey.generate(version: 1)
            try file.write([key])
            warn("""
                WARNING: no master key was given, so a DEVELOPMENT key was generated at \(file.path) (mode 0600).
                Anyone who can read that file can decrypt this vault. For production, pass PIVAULT_MASTER_KEY
                (base64 of 32 random bytes) or --master-key-file, kept away from the database and its backups.
                """)
            return try Keyring([key])
        }
    }

    /// The key file rotation writes the new version to, if the source is a file.
    public var writableFile: KeyFile? {
        switch self {
        case .environment: nil
        case .file(let file), .development(let file): file
        }
    }

    static func parse(_ text: String, origin: String) throws -> [MasterKey] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw VaultError(.keyMismatch, "\(origin) holds no key") }
        return try items.map { item in
            let parts = item.split(separator: ":", maxSplits: 1)
            if parts.count == 2, let version = Int(parts[0]) {
                do { return try MasterKey(version: version, base64: String(parts[1])) } catch { throw VaultError(.keyMismatch, "\(origin): \(error)") }
            }
            guard items.count == 1 else { throw VaultError(.keyMismatch, "\(origin): with several keys, write each as VERSION:BASE64") }
            do { return try MasterKey(version: 1, base64: item) } catch { throw VaultError(.keyMismatch, "\(origin): \(error)") }
        }
    }
}
