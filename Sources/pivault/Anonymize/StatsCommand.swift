import ArgumentParser
import Deidentify
import PIVault
import Foundation

extension PrivacyQuery.Statistic: ExpressibleByArgument {}
extension PrivacyMechanism: ExpressibleByArgument {}

/// `pivault stats`: differentially private count, sum or mean per group, charged to a per-dataset budget.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Differentially private count, sum or mean of a CSV table per group, with a per-dataset budget.",
        discussion: """
        Noise is discrete Laplace or discrete Gaussian sampled exactly from the system's cryptographic \
        generator. Every answer reports the ε and δ it spent and a 95% accuracy half-width. The ledger \
        refuses queries once the dataset's budget is spent. Keys of --by found in the data are released \
        only above a noisy threshold, which needs --delta; give --groups to report a public list instead.
        """)

    @Argument(help: "count, sum or mean.") var statistic: PrivacyQuery.Statistic
    @Argument(help: "The CSV table (UTF-8, header line first).") var table: String
    @Option(help: "Grouping column.") var by: String?
    @Option(help: "Numeric column for sum and mean.") var value: String?
    @Option(help: "Privacy parameter ε (> 0) for this query.") var epsilon: Double = 0.5
    @Option(help: "δ for this query (needed by gaussian and by key selection).") var delta: Double = 0
    @Option(help: "Clamping bounds lo,hi for sum and mean (write --bounds=-5,10 for a negative lo).") var bounds: String?
    @Option(help: "laplace or gaussian.") var mechanism: PrivacyMechanism = .laplace
    @Option(help: "Public list of group keys, comma-separated.") var groups: String?
    @Option(help: "Budget ledger file (ignored with --vault-ledger).") var ledger: String = "pivault-privacy-ledger.json"
    @Flag(help: "Keep the budget ledger in the vault's database (shared by every process), opened with the vault options.") var vaultLedger = false
    @OptionGroup(title: "Vault (with --vault-ledger)") var options: VaultOptions
    @Option(help: "Dataset name in the ledger (default: the table's file name).") var dataset: String?
    @Option(help: "Total ε budget, fixed when the dataset is first queried (default 1).") var budget: Double?
    @Option(help: "Total δ budget, fixed with --budget (default 1e-5).") var budgetDelta: Double?

    func run() async throws {
        try await AnonymizeCLI.reporting {
            let query = PrivacyQuery(
                statistic: statistic, groupBy: by, value: value, bounds: try bounds.map(Self.parseBounds),
                epsilon: epsilon, delta: delta, mechanism: mechanism,
                groups: groups.map { AnonymizeCLI.list($0) })
            let total: PrivacyBudget? = (budget != nil || budgetDelta != nil)
                ? PrivacyBudget(epsilon: budget ?? PrivacyBudget.standard.epsilon, delta: budgetDelta ?? PrivacyBudget.standard.delta)
                : nil
            let name = dataset ?? URL(fileURLWithPath: table).lastPathComponent
            let answer: PrivacyAnswer
            if vaultLedger {
                answer = try await options.withVault { vault in
                    try await PrivacyStatistics.answer(path: table, query: query, dataset: name, ledger: VaultPrivacyLedger(vault: vault), budget: total)
                }
            } else {
                answer = try await PrivacyStatistics.answer(path: table, query: query, dataset: name, ledger: PrivacyFileLedger(path: ledger), budget: total)
            }
            print(String(decoding: try AnonymizeCLI.json(answer), as: UTF8.self))
            AnonymizeCLI.warn("spent ε = \(answer.epsilon), δ = \(answer.delta) on \"\(name)\"; left ε = \(answer.balance.remainingEpsilon), δ = \(answer.balance.remainingDelta)")
        }
    }

    static func parseBounds(_ text: String) throws -> (lower: Double, upper: Double) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lower = parts[0], let upper = parts[1], lower < upper else {
            throw ValidationError("--bounds must be lo,hi with lo < hi, e.g. --bounds 0,120")
        }
        return (lower, upper)
    }
}
