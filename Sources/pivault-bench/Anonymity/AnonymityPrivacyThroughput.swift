import Deidentify
import Foundation

/// Differential-privacy throughput: exact noise draws per second, and whole
/// queries (`count` and `mean` by district) over the benchmark table.
enum AnonymityPrivacyThroughput {
    static func run(path: String, queries: Int, draws: Int) async throws {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        for (name, noise) in [
            ("laplace ε=0.5 count", try PrivacyNoise.laplace(epsilon: 0.5, sensitivity: 1, integral: true)),
            ("gaussian ε=0.5 δ=1e-6 count", try PrivacyNoise.gaussian(epsilon: 0.5, delta: 1e-6, sensitivity: 1, integral: true)),
            ("gaussian ε=0.5 δ=1e-6 sum Δ=100", try PrivacyNoise.gaussian(epsilon: 0.5, delta: 1e-6, sensitivity: 100, integral: false)),
        ] {
            var checksum: Int64 = 0
            let seconds = AnonymityStopwatch.seconds {
                for _ in 0..<draws { checksum &+= noise.sampleUnits(using: &sampler) }
            }
            print("noise \(name): \(Int(Double(draws) / seconds)) draws/s (scale \(String(format: "%.3f", noise.scale)), checksum \(checksum))")
            if name.hasSuffix("count") {
                let arguments = noise.mechanism == .laplace
                    ? ["--mechanism", "laplace", "--epsilon", "0.5", "--samples", "100000"]
                    : ["--mechanism", "gaussian", "--epsilon", "0.5", "--delta", "1e-6", "--samples", "100000"]
                switch AnonymityPeers.run("opendp_scale.py", arguments) {
                case .success(let peer):
                    let rate = peer["draws_per_second"] ?? 0
                    print("  OpenDP peer: scale \(String(format: "%.3f", peer["scale"] ?? 0)) (ours/OpenDP \(String(format: "%.3f", noise.scale / (peer["scale"] ?? 1)))), \(Int(rate)) draws/s from Python (ratio \(String(format: "%.1f", Double(draws) / seconds / max(rate, 1)))×)")
                case .failure(let unavailable):
                    print("  OpenDP peer skipped: \(unavailable.reason) (pip install opendp)")
                }
            }
        }
        let ledger = PrivacyMemoryLedger()
        let budget = PrivacyBudget(epsilon: Double(queries) * 2, delta: 1)
        let keys = AnonymitySyntheticTable.districts
        for (name, query) in [
            ("count by district", PrivacyQuery(statistic: .count, groupBy: "district", epsilon: 0.5, groups: keys)),
            ("mean(age) by district", PrivacyQuery(statistic: .mean, groupBy: "district", value: "age", bounds: (0, 120), epsilon: 0.5, groups: keys)),
        ] {
            let start = ContinuousClock.now
            for _ in 0..<queries {
                _ = try await PrivacyStatistics.answer(path: path, query: query, dataset: "bench", ledger: ledger, budget: budget)
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("query \(name) over the table: \(String(format: "%.2f", seconds / Double(queries))) s/query (\(queries) queries, CSV streamed each time)")
        }
    }
}
