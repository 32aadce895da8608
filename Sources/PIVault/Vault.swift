import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import Synchronization

/// The vault: the one place that talks to the store and the keyring
/// together. Every collection and every read goes through it, and so through
/// the policy.
public final class Vault: Sendable {
    /// The checked configuration.
    public let configuration: VaultConfiguration
    /// The store.
    public let store: VaultStore
    let keys: Mutex<Keyring>
    let blindIndex: BlindIndex
    /// The vault's signing key (its public half is published for offline checks).
    public let signer: VaultSigner
    /// The notices of every purpose, with their versions.
    public let notices: NoticeBook
    let clock: any VaultClock
    let logger: Logger
    /// The transparency log every use of personal data enters.
    public let transparency: VaultTransparency
    let emergencyCache = Mutex<(loadedAt: ContinuousClock.Instant, emergencies: [Emergency])?>(nil)
    let healthCodeIssuerCache = Mutex<LoadedHealthCodeIssuer?>(nil)
    /// The purposes an impact assessment activates, cached for a second (PIPL Art. 55).
    let assessmentCache = Mutex<(loadedAt: ContinuousClock.Instant, purposes: Set<String>)?>(nil)
    /// Anomaly detection on the access stream and the actors it suspended (PIPL Art. 51, 57).
    public let alerts: AlertCenter
    /// Where collections are committed, in groups.
    let collections: GroupCommit<PreparedBatch>

    static let indexKeyOwner = "vault-blind-index"

    /// Opens the vault in `engine`. When the database already holds a vault,
    /// the master keys are checked before any pending migration is applied,
    /// so a wrong key changes nothing — not even the schema.
    public static func open(configuration: VaultConfiguration, engine: any DatabaseEngine, keyring: Keyring,
                            clock: any VaultClock = SystemClock(), logger: Logger) async throws -> Vault {
        let store = VaultStore.attach(engine)
        // Biometric keys are counted once their table is sure to exist, after migrating;
        // subject keys only once, as counting them reads every subject.
        let existing = try await store.holdsVault()
        if existing { _ = try await checkMasterKeys(keyring, store: store, countingSubjectKeys: true, countingBiometricKeys: false) }
        try await store.migrate()
        return try await open(configuration: configuration, store: store, keyring: keyring, clock: clock, logger: logger, subjectKeysCounted: existing)
    }

    /// Refuses, changing nothing, master keys that do not fit the vault: a key
    /// whose check value differs from the vault's key of that version, keys
    /// none of which belong to it, or a missing version that still wraps
    /// subject or biometric keys (each when asked to count them). Returns the
    /// versions the vault knows.
    static func checkMasterKeys(_ keyring: Keyring, store: VaultStore, countingSubjectKeys: Bool, countingBiometricKeys: Bool) async throws -> Set<Int> {
        let stored = try await store.read { try await $0.keyVersions() }
        let storedByVersion = Dictionary(stored.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        for (version, key) in keyring.keys {
            if let row = storedByVersion[version], row.checkValue != key.checkValue {
                throw VaultError(.keyMismatch, "master key version \(version) does not match this vault (its key check value differs); supply the key this vault was created with, e.g. PIVAULT_MASTER_KEY or --master-key-file. Nothing was changed.")
            }
        }
        let counts = try await store.read { session in
            (countingSubjectKeys ? try await session.subjectKeyCounts() : [:]).merging(countingBiometricKeys ? try await session.biometricKeyCounts() : [:], uniquingKeysWith: +)
        }
        let missing = counts.keys.filter { keyring.keys[$0] == nil }.sorted()
        if !missing.isEmpty {
            throw VaultError(.keyMismatch, "subject keys are wrapped under master key version(s) \(missing.map(String.init).joined(separator: ", ")), which were not supplied; supply them (format 'VERSION:BASE64,…' or a key file). Nothing was changed.")
        }
        if !stored.isEmpty, !keyring.keys.keys.contains(where: { storedByVersion[$0] != nil }) {
            throw VaultError(.keyMismatch, "none of the supplied master keys belongs to this vault; supply the key it was created with. Nothing was changed.")
        }
        return Set(storedByVersion.keys)
    }

    /// Opens a vault on a migrated store: checks every supplied master key
    /// against the vault's key check values, refusing (and changing nothing)
    /// on a mismatch, and loads the blind-index key. A new database is
    /// initialised with the keys given.
    public static func open(configuration: VaultConfiguration, store: VaultStore, keyring: Keyring,
                            clock: any VaultClock = SystemClock(), logger: Logger) async throws -> Vault {
        try await open(configuration: configuration, store: store, keyring: keyring, clock: clock, logger: logger, subjectKeysCounted: false)
    }

    /// ``open(configuration:store:keyring:clock:logger:)``, skipping the count of
    /// subject keys per version when the caller has just made it.
    static func open(configuration: VaultConfiguration, store: VaultStore, keyring: Keyring,
                     clock: any VaultClock, logger: Logger, subjectKeysCounted: Bool) async throws -> Vault {
        let now = clock.now()
        let storedVersions = try await checkMasterKeys(keyring, store: store, countingSubjectKeys: !subjectKeysCounted, countingBiometricKeys: true)
        let (indexKey, signingKey) = try await store.write { session -> (WrappedKey, WrappedKey) in
            for (version, key) in keyring.keys where !storedVersions.contains(version) {
                try await session.addKeyVersion(version, checkValue: key.checkValue, at: now)
            }
            return (try await Self.vaultKey("blind_index_key", session: session, keyring: keyring) { DataKey.generate().exportForWrapping() },
                    try await Self.vaultKey("signing_key", session: session, keyring: keyring) { VaultSigner.generate().rawRepresentation })
        }
        let blindIndex = BlindIndex(key: try keyring.unwrap(indexKey, for: indexKeyOwner))
        let signer = try VaultSigner(rawRepresentation: try keyring.unwrapSecret(signingKey, for: "vault-signing-key"))
        let transparency = try await VaultTransparency.open(store: store, keyring: keyring, logger: logger)
        let vault = Vault(configuration: configuration, store: store, keyring: keyring, blindIndex: blindIndex, signer: signer, transparency: transparency, clock: clock, logger: logger)
        try await vault.logConfigurationIfChanged()
        try await vault.loadSuspensions()
        return vault
    }

    /// The wrapped vault-wide key stored under `name`, created from `make` the first time.
    static func vaultKey(_ name: String, session: StoreSession, keyring: Keyring, make: () -> Data) async throws -> WrappedKey {
        if let text = try await session.meta(name), let wrapped = decodeWrapped(text) { return wrapped }
        let owner = name == "blind_index_key" ? indexKeyOwner : "vault-signing-key"
        let wrapped = try keyring.wrapSecret(make(), for: owner)
        try await session.setMeta(name, encodeWrapped(wrapped))
        return wrapped
    }

    init(configuration: VaultConfiguration, store: VaultStore, keyring: Keyring, blindIndex: BlindIndex, signer: VaultSigner, transparency: VaultTransparency, clock: any VaultClock, logger: Logger) {
        self.configuration = configuration
        self.transparency = transparency
        self.signer = signer
        self.notices = NoticeBook(configuration: configuration)
        self.store = store
        self.keys = Mutex(keyring)
        self.blindIndex = blindIndex
        self.clock = clock
        self.logger = logger
        self.alerts = AlertCenter(policy: configuration.anomaly)
        // Concurrent collections share transactions, up to a few thousand records each.
        self.collections = GroupCommit(limit: 4096, weight: { $0.records.count }) { batches in
            try await Vault.commitCollections(batches, store: store, transparency: transparency)
        }
    }

    /// The keyring currently in use.
    public var keyring: Keyring { keys.withLock { $0 } }

    static func encodeWrapped(_ wrapped: WrappedKey) -> String { "\(wrapped.version):\(wrapped.sealed.base64EncodedString())" }

    static func decodeWrapped(_ text: String) -> WrappedKey? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let version = Int(parts[0]), let data = Data(base64Encoded: String(parts[1])) else { return nil }
        return WrappedKey(version: version, sealed: data)
    }

    /// Closes the vault: the transparency log takes no more events, what is
    /// queued is stored and integrated, then the store's connections close.
    /// Closing twice does nothing the second time.
    public func close() async throws {
        guard await transparency.sequencer.close() else { return }
        try await store.close()
    }
}
