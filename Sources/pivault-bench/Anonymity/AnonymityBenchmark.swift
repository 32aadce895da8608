import ArgumentParser
import Deidentify
import Foundation

/// `pivault-bench anonymity`: k-anonymity on a synthetic million-row table
/// (issue goal: 1,000,000 rows, 4 quasi-identifiers, k = 5 in ≤ 60 s) and
/// differential-privacy query throughput.
struct AnonymityBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "anonymity", abstract: "Anonymise a synthetic 1M-row table at k=5 with 4 quasi-identifiers (goal ≤ 60 s) and measure DP query throughput.")

    @Option(help: "Rows in the synthetic table.") var rows = 1_000_000
    @Option(help: "k.") var k = 5
    @Option(help: "l (distinct sensitive values per class).") var l = 2
    @Option(help: "Suppression limit in percent.") var maxSuppression = 5.0
    @Option(help: "DP queries to time per statistic.") var queries = 3
    @Option(help: "Noise draws to time per mechanism.") var draws = 1_000_000

    func run() async throws {
        let directory = NSTemporaryDirectory() + "pivault-anonymity-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/patients.csv"
        let generate = try AnonymityStopwatch.seconds { try AnonymitySyntheticTable.write(rows: rows, seed: 20_260_101, to: input) }
        let size = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        print("table: \(rows) rows, \(String(format: "%.1f", Double(size) / 1_048_576)) MiB, generated in \(String(format: "%.2f", generate)) s")

        var table: AnonymityTable?
        let read = try AnonymityStopwatch.seconds { table = try AnonymityTable.read(path: input) }
        let configuration = AnonymityConfiguration(
            quasiIdentifiers: ["age", "sex", "district", "birth_date"], sensitiveAttributes: ["diagnosis"],
            k: k, l: l, maxSuppression: maxSuppression / 100, dropped: ["patient_id"])
        var result: AnonymityResult?
        let search = try AnonymityStopwatch.seconds { result = try AnonymityAnonymizer.anonymize(table!, configuration: configuration) }
        let write = try AnonymityStopwatch.seconds { try result!.write(to: AnonymityCSVWriter(path: directory + "/released.csv")) }
        let report = result!.report
        let total = read + search + write
        print("anonymize k=\(k) l=\(l) quasi=age,sex,district,birth_date: read \(fmt(read)) s, search \(fmt(search)) s, write \(fmt(write)) s, total \(fmt(total)) s (goal ≤ 60 s: \(total <= 60 ? "met" : "missed"))")
        print("  levels: \(report.levels.map { "\($0.column)=\($0.name)" }.joined(separator: ", "))")
        print("  achieved k=\(report.achievedK) l=\(report.achievedL ?? 0), suppressed \(report.suppressedRows) rows, classes \(report.equivalenceClasses), NCP \(String(format: "%.4f", report.informationLoss.value)), lattice \(report.search.latticeSize) nodes, evaluated \(report.search.nodesEvaluated), statement \(report.statement)")
        print("  peak RSS \(fmt(AnonymityStopwatch.peakResidentMiB())) MiB")
        let peerStart = ContinuousClock.now
        switch AnonymityPeers.run("pycanon_check.py", [directory + "/released.csv", "--quasi", "age,sex,district,birth_date", "--sensitive", "diagnosis"]) {
        case .success(let peer):
            let elapsed = ContinuousClock.now - peerStart
            let agree = Int(peer["k"] ?? -1) == report.achievedK && Int(peer["l"] ?? -1) == report.achievedL
            print("  pycanon peer on the released table: k=\(Int(peer["k"] ?? -1)) l=\(Int(peer["l"] ?? -1)) (\(agree ? "agrees" : "DISAGREES") with the report; check took \(elapsed.components.seconds) s)")
        case .failure(let unavailable):
            print("  pycanon peer skipped: \(unavailable.reason) (pip install pycanon)")
        }
        table = nil
        result = nil
        try await AnonymityPrivacyThroughput.run(path: input, queries: queries, draws: draws)
    }

    private func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Wall-clock timing and memory figures for the anonymity benchmarks.
enum AnonymityStopwatch {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Peak resident set size (VmHWM), in MiB.
    static func peakResidentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}
