import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault-bench anomaly`: what the anomaly rules cost on the read path
/// (PIPL Art. 51, 57). The same purpose-bound reads on SQLite, without rules
/// and with all four rule kinds evaluated per read (baselines high enough that
/// none fires); goal: reads with rules ≥ 0.9× reads without.
struct AnomalyBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "anomaly", abstract: "Purpose-bound reads per second with and without anomaly rules (goal: ≥ 0.9×).")

    @Option(help: "Subjects collected and read.") var records = 20_000
    @Option(help: "Concurrent readers.") var readers = 4
    @Option(help: "Distinct reader actors (each has its own sliding windows).") var actors = 16
    @Option(help: "Rounds of both configurations; the best rate of each counts.") var rounds = 2

    static let rules = """
    anomaly:
      time_zone: Asia/Shanghai
      working_hours: 00:00-24:00
      rules:
        - { id: many-subjects, kind: distinct-subjects, window: 1h, baseline: 100000000, suspend: true }
        - { id: night, kind: outside-hours }
        - { id: denials, kind: repeated-denials, window: 10m, baseline: 100000000 }
        - { id: bulk, kind: bulk-export, window: 1h, baseline: 100000000 }

    """

    func run() async throws {
        var best: [Bool: Double] = [:]
        for _ in 0..<rounds {
            for withRules in [false, true] {
                best[withRules] = max(best[withRules] ?? 0, try await readRate(withRules: withRules))
            }
        }
        let without = best[false] ?? 0, with = best[true] ?? 0
        print("anomaly benchmark (SQLite, \(records) subjects, \(readers) concurrent readers, \(actors) actors, best of \(rounds))")
        print(String(format: "  reads without rules: %10.0f reads/s", without))
        print(String(format: "  reads with 4 rules : %10.0f reads/s", with))
        print(String(format: "  ratio with/without : %.3f×  (goal ≥ 0.9×)", with / without))
    }

    func readRate(withRules: Bool) async throws -> Double {
        let bench = try await BenchVault.make(yaml: DemoConfiguration.yaml + (withRules ? Self.rules : ""))
        let vault = bench.vault
        var people = SyntheticPeople(seed: 7)
        var subjects: [String] = []
        for start in stride(from: 0, to: records, by: 1000) {
            let batch = (start..<min(start + 1000, records)).map { _ in
                Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: people.registration())
            }
            subjects += try await vault.collect(batch: batch).map(\.subjectID)
        }
        let readers = self.readers, actors = self.actors
        let all = subjects
        let seconds = try await Measure.seconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in 0..<readers {
                    group.addTask {
                        for index in stride(from: reader, to: all.count, by: readers) {
                            let actor = Actor(id: "bench-\(index % actors)", role: "epidemiologist")
                            let result = try await vault.read(AccessRequest(actor: actor, subjectID: all[index], purpose: "contact-tracing"))
                            precondition(result.decision.outcome == .permit)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let alerts = try await vault.anomalyAlerts()
        precondition(alerts.isEmpty)
        await bench.cleanUp()
        return Double(records) / seconds
    }
}
