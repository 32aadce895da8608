import Deidentify
import Foundation
import Testing

@Suite("Privacy statistics and budget ledger (differential privacy, sequential composition)")
struct PrivacyStatisticsTests {
    static let table = "district,age\n" + (0..<300).map { "\(["朝阳区", "海淀区", "东城区"][$0 % 3]),\($0 % 90)" }.joined(separator: "\n") + "\n"

    static func ask(_ query: PrivacyQuery, ledger: some PrivacyBudgetLedger, dataset: String = "t", budget: PrivacyBudget? = nil) async throws -> PrivacyAnswer {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        return try await PrivacyStatistics.answer(reader: AnonymityCSVReader(bytes: Array(table.utf8)), query: query, dataset: dataset,
                                                  ledger: ledger, budget: budget, sampler: &sampler)
    }

    @Test("Counts per public key: true count within the stated 95% half-width in most runs, and ε reported")
    func countsWithAccuracy() async throws {
        let ledger = PrivacyMemoryLedger()
        var inside = 0
        let runs = 40
        for _ in 0..<runs {
            let answer = try await Self.ask(.init(statistic: .count, groupBy: "district", epsilon: 1, groups: ["朝阳区", "海淀区", "西城区"]),
                                            ledger: ledger, budget: .init(epsilon: 100))
            #expect(answer.epsilon == 1)
            #expect(answer.groups.map(\.key) == ["朝阳区", "海淀区", "西城区"])
            let group = try #require(answer.groups.first)
            if abs(group.count! - 100) <= group.countHalfWidth95! { inside += 1 }
        }
        // Binomial(40, ≥ 0.95): fewer than 30 inside has probability < 1e-6.
        #expect(inside >= 30)
    }

    @Test("Mean is clamped to the bounds and carries an accuracy estimate")
    func meanQuery() async throws {
        let answer = try await Self.ask(.init(statistic: .mean, groupBy: "district", value: "age", bounds: (0, 100), epsilon: 1,
                                              groups: ["朝阳区"]), ledger: PrivacyMemoryLedger())
        let group = try #require(answer.groups.first)
        let mean = try #require(group.mean)
        #expect(mean >= 0 && mean <= 100)
        #expect(try #require(group.meanHalfWidth95) > 0)
        #expect(answer.components.map(\.role) == ["count", "sum"])
        #expect(answer.components.allSatisfy { $0.noise.epsilon == 0.5 })
    }

    @Test("Budget exhaustion: the query that would overspend is refused and the ledger is unchanged")
    func budgetExhaustion() async throws {
        let ledger = PrivacyMemoryLedger()
        let query = PrivacyQuery(statistic: .count, epsilon: 0.4)
        _ = try await Self.ask(query, ledger: ledger, budget: .init(epsilon: 1))
        _ = try await Self.ask(query, ledger: ledger)
        let error = try await #require(throws: PrivacyError.self) { try await Self.ask(query, ledger: ledger) }
        #expect(error.code == .budgetExhausted)
        let balance = try #require(try await ledger.balance(dataset: "t"))
        #expect(balance.entries.count == 2)
        #expect(abs(balance.spentEpsilon - 0.8) < 1e-12)
        // Exactly the rest still fits (0.1 + 0.2-style sums must not refuse it).
        _ = try await Self.ask(.init(statistic: .count, epsilon: 0.2), ledger: ledger)
    }

    @Test("File ledger: concurrent charges never overspend, and the file survives reopening")
    func fileLedgerConcurrency() async throws {
        let directory = try AnonymityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/ledger.json"
        let ledger = PrivacyFileLedger(path: path)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    (try? await ledger.charge(.init(dataset: "d", epsilon: 0.1, delta: 0, query: "count", budget: .init(epsilon: 1)))) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 10)
        let reopened = try #require(try await PrivacyFileLedger(path: path).balance(dataset: "d"))
        #expect(reopened.entries.count == 10)
        #expect(reopened.remainingEpsilon < 1e-9)
    }

    @Test("A corrupted ledger file is refused, never silently reset")
    func corruptedLedger() async throws {
        let directory = try AnonymityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/ledger.json"
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        let error = try await #require(throws: PrivacyError.self) {
            try await PrivacyFileLedger(path: path).charge(.init(dataset: "d", epsilon: 0.1, delta: 0, query: "count"))
        }
        #expect(error.code == .ledgerUnavailable)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "{not json")
    }

    @Test("A dataset's budget is fixed on first use; a different one later is refused")
    func budgetFixed() async throws {
        let ledger = PrivacyMemoryLedger()
        _ = try await ledger.charge(.init(dataset: "d", epsilon: 0.1, delta: 0, query: "q", budget: .init(epsilon: 1)))
        await #expect(throws: PrivacyError.self) {
            try await ledger.charge(.init(dataset: "d", epsilon: 0.1, delta: 0, query: "q", budget: .init(epsilon: 5)))
        }
    }

    @Test("Bad queries: ε ≤ 0, sum without bounds, keys from data without δ, unknown column, non-numeric value")
    func badQueries() async throws {
        let ledger = PrivacyMemoryLedger()
        for query in [
            PrivacyQuery(statistic: .count, epsilon: 0),
            PrivacyQuery(statistic: .count, epsilon: -0.5),
            PrivacyQuery(statistic: .sum, value: "age", epsilon: 1),
            PrivacyQuery(statistic: .count, groupBy: "district", epsilon: 1),
            PrivacyQuery(statistic: .count, epsilon: 1, mechanism: .gaussian),
            PrivacyQuery(statistic: .count, groupBy: "city", epsilon: 1, groups: ["x"]),
            PrivacyQuery(statistic: .sum, value: "district", bounds: (0, 1), epsilon: 1),
        ] {
            await #expect(throws: PrivacyError.self) { try await Self.ask(query, ledger: ledger) }
        }
        #expect(try await ledger.balance(dataset: "t") == nil)
    }

    @Test("Keys found in the data are released only above the noisy threshold (δ spent on selection)")
    func thresholdedKeys() async throws {
        let text = "k\n" + Array(repeating: "big", count: 500).joined(separator: "\n") + "\nrare\n"
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let answer = try await PrivacyStatistics.answer(
            reader: AnonymityCSVReader(bytes: Array(text.utf8)), query: .init(statistic: .count, groupBy: "k", epsilon: 1, delta: 1e-6),
            dataset: "t", ledger: PrivacyMemoryLedger(), sampler: &sampler)
        #expect(answer.groups.map(\.key) == ["big"])
        #expect(answer.delta == 1e-6)
        #expect(try #require(answer.threshold) > 10)
    }
}
