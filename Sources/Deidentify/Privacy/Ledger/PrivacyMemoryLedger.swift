import Foundation

/// A budget ledger held in memory, for tests and for embedding where the
/// host persists balances itself.
public actor PrivacyMemoryLedger: PrivacyBudgetLedger {
    private var balances: [String: PrivacyBudgetBalance] = [:]

    /// Creates an empty ledger.
    public init() {}

    /// Charges a query atomically (actor isolation serialises charges).
    public func charge(_ charge: PrivacyBudgetCharge) async throws -> PrivacyBudgetBalance {
        var balance = balances[charge.dataset] ?? PrivacyBudgetBalance(dataset: charge.dataset, budget: charge.budget ?? .standard, entries: [])
        try balance.apply(charge, at: Date().timeIntervalSince1970)
        balances[charge.dataset] = balance
        return balance
    }

    /// The current balance of a dataset.
    public func balance(dataset: String) async throws -> PrivacyBudgetBalance? { balances[dataset] }
}
