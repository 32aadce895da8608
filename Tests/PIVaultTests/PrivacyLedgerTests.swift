import Deidentify
import Foundation
import Testing
@testable import PIVault
import PIVaultStore

@Suite("Differential-privacy budget ledger kept in the vault (GB/T 37964, sequential composition)")
struct PrivacyLedgerTests {
    @Test("Charges add up; a query the budget cannot pay is refused and changes nothing", arguments: TestEngine.available)
    func exhaustion(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let ledger = VaultPrivacyLedger(vault: test.vault)
        #expect(try await ledger.balance(dataset: "cases-2022") == nil)
        let budget = PrivacyBudget(epsilon: 1, delta: 0)
        _ = try await ledger.charge(PrivacyBudgetCharge(dataset: "cases-2022", epsilon: 0.5, delta: 0, query: "count by district", budget: budget))
        let after = try await ledger.charge(PrivacyBudgetCharge(dataset: "cases-2022", epsilon: 0.4, delta: 0, query: "count by age"))
        #expect(abs(after.remainingEpsilon - 0.1) < 1e-9)
        await #expect(throws: PrivacyError.self) {
            try await ledger.charge(PrivacyBudgetCharge(dataset: "cases-2022", epsilon: 0.2, delta: 0, query: "sum"))
        }
        let balance = try #require(try await ledger.balance(dataset: "cases-2022"))
        #expect(balance.entries.count == 2 && balance.budget == budget)
        await #expect(throws: PrivacyError.self) {
            try await ledger.charge(PrivacyBudgetCharge(dataset: "cases-2022", epsilon: 0.05, delta: 0, query: "x", budget: PrivacyBudget(epsilon: 5)))
        }
    }

    @Test("Concurrent charges never overspend", arguments: TestEngine.available)
    func concurrent(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let ledger = VaultPrivacyLedger(vault: test.vault)
        _ = try await ledger.charge(PrivacyBudgetCharge(dataset: "d", epsilon: 0.1, delta: 0, query: "first", budget: PrivacyBudget(epsilon: 1, delta: 0)))
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask { (try? await ledger.charge(PrivacyBudgetCharge(dataset: "d", epsilon: 0.1, delta: 0, query: "q\(index)"))) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 9)
        #expect(try await ledger.balance(dataset: "d")?.entries.count == 10)
    }
}
