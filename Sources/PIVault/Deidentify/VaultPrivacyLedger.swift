import Deidentify
import Foundation
import PIVaultCore
import PIVaultStore

/// The differential-privacy budget ledger kept in the vault's database, so
/// every process and server instance charges the same budget. A charge reads,
/// checks and writes the dataset's balance in one transaction: it is recorded
/// whole or refused with nothing changed.
public struct VaultPrivacyLedger: PrivacyBudgetLedger {
    let vault: Vault

    /// A ledger in `vault`.
    public init(vault: Vault) { self.vault = vault }

    /// Charges a query, refusing it when the remaining budget cannot pay.
    public func charge(_ charge: PrivacyBudgetCharge) async throws -> PrivacyBudgetBalance {
        let now = vault.clock.now()
        return try await vault.store.write { session in
            var balance = try await session.lockedPrivacyLedger(dataset: charge.dataset).map(Self.decode)
                ?? PrivacyBudgetBalance(dataset: charge.dataset, budget: charge.budget ?? .standard, entries: [])
            try balance.apply(charge, at: now.timeIntervalSince1970)
            try await session.setPrivacyLedger(dataset: charge.dataset, document: try Self.encode(balance), at: now)
            return balance
        }
    }

    /// The current balance, or nil for a dataset never charged.
    public func balance(dataset: String) async throws -> PrivacyBudgetBalance? {
        try await vault.store.read { try await $0.privacyLedger(dataset: dataset) }.map(Self.decode)
    }

    static func encode(_ balance: PrivacyBudgetBalance) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(balance), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> PrivacyBudgetBalance {
        do {
            return try JSONDecoder().decode(PrivacyBudgetBalance.self, from: Data(text.utf8))
        } catch {
            throw PrivacyError(.ledgerUnavailable, "the privacy ledger stored in the vault is corrupted; it was not reset — restore it from a backup")
        }
    }
}
