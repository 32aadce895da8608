import Foundation
import PIVaultCore
import PIVaultCrypto

/// A master-key file: JSON `{"keys":[{"version":1,"key":"BASE64"}]}`, or a
/// single base64 key (version 1). Written with mode 0600.
public struct KeyFile: Sendable {
    struct Entry: Codable { var version: Int; var key: String }
    struct Contents: Codable { var keys: [Entry] }

    /// The path.
    public let path: String

    /// Creates a handle on the file at `path`.
    public init(path: String) { self.path = path }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads every key in the file.
    public func read() throws -> [MasterKey] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VaultError(.keyMismatch, "cannot read the master key file \(path); check the path and its permissions")
        }
        if let contents = try? JSONDecoder().decode(Contents.self, from: data) {
            return try contents.keys.map { try MasterKey(version: $0.version, base64: $0.key) }
        }
        let text = String(decoding: data, as: UTF8.self)
        return try KeySource.parse(text, origin: "the master key file \(path)")
    }

    /// Writes `keys`, atomically, readable by the owner only.
    public func write(_ keys: [MasterKey]) throws {
        let contents = Contents(keys: keys.sorted { $0.version < $1.version }.map { Entry(version: $0.version, key: $0.exportBase64()) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(contents)
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw VaultError(.storageUnavailable, "cannot write the master key file next to \(path); check the folder's permissions")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw VaultError(.storageUnavailable, "cannot replace the master key file \(path)")
        }
    }
}
