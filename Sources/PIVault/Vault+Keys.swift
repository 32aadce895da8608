import Synchronization
import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Introduces `newKey` as the active master-key version and re-wraps every
    /// subject's data key under it, page by page. Data is not re-encrypted and
    /// readers keep working: every version stays loaded until retired.
    public func rotate(to newKey: MasterKey) async throws -> RotationReport {
        let current = keyring
        let known = try await store.read { try await $0.keyVersions() }
        guard newKey.version > max(current.activeVersion, known.map(\.version).max() ?? 0) else {
            throw VaultError(.conflict, "the new master key must have a version above \(max(current.activeVersion, known.map(\.version).max() ?? 0))")
        }
        let now = clock.now()
        try await store.write { try await $0.addKeyVersion(newKey.version, checkValue: newKey.checkValue, at: now) }
        let ring = try current.adding(newKey)
        keys.withLock { $0 = ring }
        let rewrapped = try await rewrapAll(to: ring)
        try await logEvents([LogEvent(kind: .keyRotation, time: now, actor: Self.systemActor.id, role: Self.systemActor.role, purpose: nil, fields: [],
                                      decision: "recorded", subject: nil, detail: "master key version \(newKey.version); \(rewrapped) subject keys rewrapped")])
        logger.notice("master key rotated", metadata: ["version": "\(newKey.version)", "rewrapped": "\(rewrapped)"])
        return RotationReport(activeVersion: newKey.version, rewrapped: rewrapped)
    }

    /// Re-wraps every data key not yet under the active version (resumes an interrupted rotation).
    public func rewrapAll(to ring: Keyring) async throws -> Int {
        var cursor = ""
        var total = 0
        while true {
            let after = cursor
            let page = try await store.read { try await $0.subjectKeys(notWrappedUnder: ring.activeVersion, after: after, limit: 500) }
            guard let last = page.last else { break }
            let updates = try page.map { row -> (String, Int, WrappedKey) in
                let old = WrappedKey(version: row.keyVersion!, sealed: row.wrappedKey!)
                return (row.subjectID, old.version, try ring.rewrap(old, for: row.subjectID))
            }
            try await store.write { session in
                for (subject, oldVersion, wrapped) in updates {
                    try await session.replaceSubjectKey(subject, from: oldVersion, to: wrapped.version, wrappedKey: wrapped.sealed)
                }
            }
            total += updates.count
            cursor = last.subjectID
        }
        _ = try await rewrapBiometricKeys(to: ring)
        try await store.write { session in
            for (name, owner) in [("blind_index_key", Self.indexKeyOwner), ("signing_key", "vault-signing-key"), (VaultTransparency.signingKeyName, VaultTransparency.signingKeyOwner)] {
                if let text = try await session.meta(name), let wrapped = Self.decodeWrapped(text), wrapped.version != ring.activeVersion {
                    try await session.setMeta(name, Self.encodeWrapped(try ring.rewrap(wrapped, for: owner)))
                }
            }
            try await rewrapHealthCodeIssuers(session: session, ring: ring)
        }
        return total
    }

    /// Retires a master-key version that no longer wraps any key.
    public func retire(version: Int) async throws {
        let ring = keyring
        guard version != ring.activeVersion else {
            throw VaultError(.conflict, "master key version \(version) is active; rotate to a new version before retiring it")
        }
        let counts = try await store.read { try await $0.subjectKeyCounts() }
        if let count = counts[version], count > 0 {
            throw VaultError(.conflict, "master key version \(version) still wraps \(count) subject key(s); run `pivault keys rotate --resume` first")
        }
        for name in ["blind_index_key", "signing_key", VaultTransparency.signingKeyName] {
            let wrapped = try await store.read { try await $0.meta(name) }.flatMap(Self.decodeWrapped)
            if wrapped?.version == version {
                throw VaultError(.conflict, "master key version \(version) still wraps the vault's \(name.replacingOccurrences(of: "_", with: " ")); run `pivault keys rotate --resume` first")
            }
        }
        try await checkNoBiometricKeys(under: version)
        if try await healthCodeIssuersWrapped(under: version) {
            throw VaultError(.conflict, "master key version \(version) still wraps a health-code issuer key; run `pivault keys rotate --resume` first")
        }
        let now = clock.now()
        try await store.write { try await $0.retireKeyVersion(version, at: now) }
        if ring.keys[version] != nil { keys.withLock { $0 = (try? ring.removing(version: version)) ?? ring } }
    }

    /// Counts and key versions; no personal data.
    public func status() async throws -> VaultStatus {
        let ring = keyring
        let (counts, versions, keyCounts) = try await store.read { session in
            (try await session.counts(), try await session.keyVersions(), try await session.subjectKeyCounts())
        }
        var status = VaultStatus(
            database: store.engine.displayName, subjects: counts.subjects, erasedSubjects: counts.erased, records: counts.records,
            keyVersions: versions.map { row in
                .init(version: row.version, subjectKeys: keyCounts[row.version] ?? 0, retired: row.retiredAt != nil,
                      loaded: ring.keys[row.version] != nil, active: row.version == ring.activeVersion)
            })
        status.biometricFiling = try await biometricFiling()
        return status
    }
}

extension Vault {
    /// Rotates to a version already held in the keyring (keys supplied by environment).
    public func rotateSuppliedKey(_ key: MasterKey) async throws -> RotationReport {
        let known = try await store.read { try await $0.keyVersions() }
        if !known.contains(where: { $0.version == key.version }) {
            try await store.write { [clock] in try await $0.addKeyVersion(key.version, checkValue: key.checkValue, at: clock.now()) }
        }
        let rewrapped = try await rewrapAll(to: keyring)
        return RotationReport(activeVersion: keyring.activeVersion, rewrapped: rewrapped)
    }
}
