import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Records a subject's consent to one consent-based purpose (PIPL Art. 14).
    public func grantConsent(subjectID: String, purpose purposeID: String) async throws -> String {
        guard let purpose = configuration.purposes[purposeID] else {
            throw VaultError(.invalidInput, "purpose '\(purposeID)' is not declared", article: "PIPL Art. 14")
        }
        guard purpose.basis == .consent else {
            throw VaultError(.invalidInput, "purpose '\(purposeID)' rests on \(purpose.basis.rawValue) (\(purpose.basis.article)), not consent; no consent is recorded for it")
        }
        _ = try await subjectDataKey(subjectID)
        let consent = ConsentRow(id: Identifiers.random(prefix: "con"), subjectID: subjectID, purpose: purposeID, grantedAt: clock.now(), withdrawnAt: nil)
        try await store.write { try await $0.insertConsent(consent) }
        return consent.id
    }

    /// Withdraws a subject's consent to a purpose, effective for every later read (PIPL Art. 15).
    public func withdrawConsent(subjectID: String, purpose purposeID: String) async throws -> Int {
        _ = try await subjectDataKey(subjectID)
        let now = clock.now()
        let count = try await store.write { try await $0.withdrawConsents(subjectID: subjectID, purpose: purposeID, at: now) }
        guard count > 0 else {
            throw VaultError(.notFound, "subject \(subjectID) has no live consent to purpose '\(purposeID)'", article: "PIPL Art. 15")
        }
        return count
    }
}
