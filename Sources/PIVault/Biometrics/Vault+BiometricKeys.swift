import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Re-wraps every biometric key not yet under the active master-key version,
    /// page by page, like the data keys; returns how many.
    func rewrapBiometricKeys(to ring: Keyring) async throws -> Int {
        var cursor = ""
        var total = 0
        while true {
            let after = cursor
            let page = try await store.read { try await $0.biometricKeys(notWrappedUnder: ring.activeVersion, after: after, limit: 500) }
            guard let last = page.last else { break }
            let updates = try page.map { row in
                (row.subjectID, row.version, try ring.rewrap(WrappedKey(version: row.version, sealed: row.wrappedKey), for: Self.biometricKeyOwner(row.subjectID)))
            }
            try await store.write { session in
                for (subject, oldVersion, wrapped) in updates {
                    try await session.replaceBiometricKey(subject, from: oldVersion, to: wrapped.version, wrappedKey: wrapped.sealed)
                }
            }
            total += updates.count
            cursor = last.subjectID
        }
        return total
    }

    /// Refuses to retire a master-key version that still wraps a biometric key.
    func checkNoBiometricKeys(under version: Int) async throws {
        let counts = try await store.read { try await $0.biometricKeyCounts() }
        if let count = counts[version], count > 0 {
            throw VaultError(.conflict, "master key version \(version) still wraps \(count) biometric key(s); run `pivault keys rotate --resume` first")
        }
    }
}
