import Crypto
import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import TransparencyLog

/// The vault's transparency log: the tree in the store, the sequencer every
/// event goes through, the checkpoint signer and its publisher.
public final class VaultTransparency: Sendable {
    /// The Merkle log over the vault's store.
    public let log: MerkleLog<SQLMerkleStorage>
    /// Signs checkpoints; keeps the latest one.
    let publisher: CheckpointPublisher<SQLMerkleStorage>
    let sequencer: LogSequencer
    let commitments = SubjectCommitments()
    /// The checkpoint origin, also the signing key's name.
    public let origin: String
    /// The public key that verifies the log's checkpoints (`name+hexid+base64`).
    public let verifier: NoteVerifier

    static let signingKeyName = "log_signing_key"
    static let signingKeyOwner = "vault-log-signing-key"
    static let checkpointName = "log_checkpoint"
    static let configurationName = "log_configuration_hash"

    /// Opens the log: integrates leaves a crash left unintegrated, loads (or
    /// creates) the checkpoint key wrapped under the master key, and restores
    /// the last published checkpoint.
    static func open(store: VaultStore, keyring: Keyring, logger: Logger) async throws -> VaultTransparency {
        let (origin, wrapped, note) = try await store.write { session -> (String, WrappedKey, String?) in
            let origin: String
            if let stored = try await session.meta("log_origin") {
                origin = stored
            } else {
                origin = "pivault.local/log/" + Identifiers.random(prefix: "v")
                try await session.setMeta("log_origin", origin)
            }
            let wrapped: WrappedKey
            if let text = try await session.meta(signingKeyName), let stored = Vault.decodeWrapped(text) {
                wrapped = stored
            } else {
                wrapped = try keyring.wrapSecret(Curve25519.Signing.PrivateKey().rawRepresentation, for: signingKeyOwner)
                try await session.setMeta(signingKeyName, Vault.encodeWrapped(wrapped))
            }
            return (origin, wrapped, try await session.meta(checkpointName))
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: try keyring.unwrapSecret(wrapped, for: signingKeyOwner))
        let signer = try NoteSigner(name: origin, key: key)
        let log = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        let publisher: CheckpointPublisher<SQLMerkleStorage>
        do {
            publisher = try CheckpointPublisher(log: log, origin: origin, signers: [signer], restoring: note)
        } catch {
            throw VaultError(.integrity, "the stored transparency-log checkpoint does not verify under the vault's log key (\(error)); the checkpoint was altered — restore it from a backup")
        }
        return VaultTransparency(log: log, publisher: publisher, sequencer: LogSequencer(store: store, log: log, logger: logger), origin: origin, verifier: signer.verifier)
    }

    private init(log: MerkleLog<SQLMerkleStorage>, publisher: CheckpointPublisher<SQLMerkleStorage>, sequencer: LogSequencer, origin: String, verifier: NoteVerifier) {
        self.log = log
        self.publisher = publisher
        self.sequencer = sequencer
        self.origin = origin
        self.verifier = verifier
    }

    /// A stable digest of the configuration's effect: handler, standards, purposes and roles in id order.
    static func configurationHash(_ configuration: VaultConfiguration) -> String {
        var text = String(reflecting: configuration.handler) + "\n"
        for id in configuration.standards.keys.sorted() { text += String(reflecting: configuration.standards[id]!) + "\n" }
        for id in configuration.purposes.keys.sorted() { text += String(reflecting: configuration.purposes[id]!) + "\n" }
        for id in configuration.roles.keys.sorted() { text += String(reflecting: configuration.roles[id]!) + "\n" }
        return "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
