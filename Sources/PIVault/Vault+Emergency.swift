import Synchronization
import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Declares a public-health emergency covering `purposes` (PIPL Art. 13(4)).
    public func declareEmergency(name: String, legalReference: String, purposes: [String], region: String?, endsAt: Date?) async throws -> EmergencyRow {
        let now = clock.now()
        guard !name.isEmpty, !legalReference.isEmpty else {
            throw VaultError(.invalidInput, "an emergency needs a name and the legal reference that declared it", article: "PIPL Art. 13(4)")
        }
        guard !purposes.isEmpty else {
            throw VaultError(.invalidInput, "an emergency must cover at least one purpose", article: "PIPL Art. 13(4)")
        }
        for purpose in purposes {
            guard let definition = configuration.purposes[purpose] else {
                throw VaultError(.invalidInput, "purpose '\(purpose)' is not declared")
            }
            guard definition.basis == .publicHealthEmergency else {
                throw VaultError(.invalidInput, "purpose '\(purpose)' rests on \(definition.basis.rawValue), not on a public-health emergency", article: "PIPL Art. 13(4)")
            }
        }
        if let endsAt, endsAt <= now {
            throw VaultError(.invalidInput, "the emergency's end must be after its start (now)", article: "PIPL Art. 13(4)")
        }
        let row = EmergencyRow(id: Identifiers.random(prefix: "emg"), name: name, legalReference: legalReference, purposes: purposes, region: region, startsAt: now, endsAt: endsAt)
        try await store.write { try await $0.insertEmergency(row) }
        emergencyCache.withLock { $0 = nil }
        logger.notice("emergency declared", metadata: ["emergency": "\(row.id)"])
        return row
    }

    /// Ends an emergency now.
    public func endEmergency(_ id: String) async throws {
        let now = clock.now()
        let ended = try await store.write { try await $0.endEmergency(id, at: now) }
        emergencyCache.withLock { $0 = nil }
        guard ended else {
            throw VaultError(.notFound, "emergency \(id) does not exist; list them with `pivault emergency list`")
        }
    }

    /// Every declared emergency.
    public func emergencies() async throws -> [EmergencyRow] {
        try await store.read { try await $0.emergencies() }
    }
}
