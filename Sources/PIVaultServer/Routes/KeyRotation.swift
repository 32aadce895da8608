import PIVault
import PIVaultCore
import PIVaultCrypto
import Synchronization

/// How `POST /v1/keys/rotate` obtains the new master key: generated and
/// written to the key file first (so no data key is ever wrapped under a key
/// that is nowhere), or — when keys come from PIVAULT_MASTER_KEY — a version
/// already supplied there.
public final class KeyRotation: Sendable {
    let source: KeySource?
    private let running = Mutex(false)

    /// Creates the rotation policy for keys from `source`; nil disables rotation over HTTP.
    public init(source: KeySource?) { self.source = source }

    func rotate(_ vault: Vault, to version: Int?) async throws -> RotationReport {
        guard running.withLock({ busy in defer { busy = true }; return !busy }) else {
            throw VaultError(.conflict, "a key rotation is already running; wait for it to finish")
        }
        defer { running.withLock { $0 = false } }
        return try await perform(vault, to: version)
    }

    private func perform(_ vault: Vault, to version: Int?) async throws -> RotationReport {
        if let version {
            guard let key = vault.keyring.keys[version] else {
                throw VaultError(.conflict, "master key version \(version) is not loaded; add it to PIVAULT_MASTER_KEY as '\(version):BASE64' and restart the server", fieldPath: "to")
            }
            return try await vault.rotateSuppliedKey(key)
        }
        guard let file = source?.writableFile else {
            throw VaultError(.conflict, "keys come from PIVAULT_MASTER_KEY: add the new version there, restart, and send {\"to\": N}")
        }
        let known = (try await vault.status()).keyVersions.map(\.version).max() ?? vault.keyring.activeVersion
        let newKey = MasterKey.generate(version: max(known, vault.keyring.activeVersion) + 1)
        try file.write(Array(vault.keyring.keys.values) + [newKey])
        return try await vault.rotate(to: newKey)
    }
}
