import ArgumentParser
import Deidentify
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// `pivault-bench pii`: scan throughput and per-type F1 of pivault against the Presidio
/// peer in `../shared/bench/presidio/`, on the same corpus, in one run.
struct PIIBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pii",
        abstract: "PII scan throughput (MB/s) and F1 per type, pivault vs Presidio (cn_custom), with ratios.")

    @Option(help: "Labelled corpus (../shared/testdata/pii format).")
    var corpus = "../shared/testdata/pii/corpus_seed1.jsonl"

    @Option(name: .customLong("repeat"), help: "Minimum timed passes over the corpus (and at least 2 s of passes); the median is reported.")
    var passes = 5

    @Option(help: "Threads for the additional batch-scan figure (PIIScanner.scan(batch:)).")
    var threads = 2

    @Option(help: "Python with presidio-analyzer installed (see ../shared/bench/presidio/README.md).")
    var python = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".presidio-venv/bin/python").path

    @Option(help: "The Presidio runner.")
    var presidio = "../shared/bench/presidio/bench_presidio.py"

    @Option(help: "Comma-separated types to time (throughput of a subset); default all.")
    var types: String?

    @Flag(help: "Measure pivault only.")
    var skipPeer = false

    func run() async throws {
        let records = try CorpusReader.records(at: URL(fileURLWithPath: corpus))
        let texts = records.map(\.text)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let scanner = PIIScanner(configuration: try PIIScanner.Configuration(typeList: types))
        print("corpus: \(corpus) — \(records.count) records, \(bytes) UTF-8 bytes")

        // Warm up, then time whole passes (wall and process CPU time).
        for t in texts.prefix(200) { _ = scanner.scan(t) }
        var walls: [Double] = [], cpus: [Double] = []
        var sink = 0
        let begin = Self.wallClock()
        // Passes are short; time enough of them that scheduling noise evens out.
        while walls.count < max(1, passes) || Self.wallClock() - begin < 2 {
            let (w0, c0) = (Self.wallClock(), Self.cpuClock())
            for t in texts { sink &+= scanner.scan(t).count }
            walls.append(Self.wallClock() - w0)
            cpus.append(Self.cpuClock() - c0)
        }
        let spansPerPass = sink / max(1, walls.count)
        var batchWalls: [Double] = []
        if threads > 1 {
            let b0 = Self.wallClock()
            while batchWalls.count < max(1, passes) || Self.wallClock() - b0 < 2 {
                let w0 = Self.wallClock()
                sink &+= scanner.scan(batch: texts, concurrency: threads).count
                batchWalls.append(Self.wallClock() - w0)
            }
        }
        let wall = Self.median(walls), cpu = Self.median(cpus)
        let mbps = Double(bytes) / wall / 1e6, mbpsCPU = Double(bytes) / cpu / 1e6
        let batchMBps = batchWalls.isEmpty ? nil : Double(bytes) / Self.median(batchWalls) / 1e6
        let ours = EvaluationSummary(scanner.evaluate(records))
        print(String(format: "pivault scan: median %.4f s wall (%.4f s CPU) per pass over %d passes → %.2f MB/s wall, %.2f MB/s CPU, %.0f records/s (spans per pass %d)",
                     wall, cpu, walls.count, mbps, mbpsCPU, Double(records.count) / wall, spansPerPass))
        if let batchMBps { print(String(format: "pivault scan(batch:) on %d threads: %.2f MB/s wall", threads, batchMBps)) }

        var peer: PresidioFigures? = nil
        if !skipPeer {
            peer = try runPresidio(records: records.count)
        }
        print("")
        print("type              pivault F1   presidio F1   pivault ≥ presidio")
        for row in ours.types {
            let theirs = peer?.f1[row.type]
            let p = theirs.map { String(format: "%11.4f", $0) } ?? "          -"
            let ok = theirs.map { row.f1 + 1e-9 >= $0 ? "yes" : "NO" } ?? "-"
            print(row.type.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%11.4f", row.f1) + "   " + p + "   " + ok)
        }
        print(String(format: "hard negatives reported as PII (pivault): %d/%d (%.3f%%)", ours.hardNegativesReported, ours.hardNegatives, ours.hardNegativeRate * 100))
        if let peer {
            print(String(format: "presidio cn_custom: %.4f MB/s wall, %.4f MB/s CPU (%.0f records/s), load average %@",
                         peer.mbps, peer.mbpsCPU, peer.recordsPerSecond, peer.load))
            print(String(format: "throughput ratio pivault/presidio (one thread each): %.0f× wall, %.0f× CPU (goal ≥ 100×)", mbps / peer.mbps, mbpsCPU / peer.mbpsCPU))
            if let batchMBps {
                print(String(format: "throughput ratio with scan(batch:) on %d threads vs presidio wall: %.0f×", threads, batchMBps / peer.mbps))
            }
            let worse = ours.types.filter { r in (peer.f1[r.type] ?? 0) > r.f1 + 1e-9 }.map(\.type)
            print("F1 ≥ presidio on every type: \(worse.isEmpty ? "yes" : "no (\(worse.joined(separator: ", ")))")")
        }
    }

    struct PresidioFigures {
        var mbps: Double
        var mbpsCPU: Double
        var recordsPerSecond: Double
        var load: String
        /// Per type, the better of Presidio's raw and conflict-resolved F1.
        var f1: [String: Double]
    }

    private func runPresidio(records: Int) throws -> PresidioFigures {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("presidio-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [presidio, "--corpus", corpus, "--n", String(records), "--config", "cn_custom", "--repeat", String(max(1, passes)), "--out", out.path]
        p.standardOutput = FileHandle.nullDevice
        print("running presidio: \(python) \(p.arguments!.joined(separator: " "))")
        do { try p.run() } catch {
            throw ValidationError("cannot start \(python); set up Presidio as ../shared/bench/presidio/README.md says, or pass --skip-peer")
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0,
              let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any],
              let result = (json["results"] as? [[String: Any]])?.first,
              let tp = result["throughput"] as? [String: Any] else {
            throw ValidationError("the Presidio runner failed (exit \(p.terminationStatus))")
        }
        var f1: [String: Double] = [:]
        for view in ["scores_raw", "scores_resolved"] {
            let per = ((result[view] as? [String: Any])?["per_type"] as? [String: [String: Any]]) ?? [:]
            for (type, s) in per { if let v = s["f1"] as? Double { f1[type] = max(f1[type] ?? 0, v) } }
        }
        let load = (tp["loadavg_1m_before_after"] as? [Double]).map { $0.map { String($0) }.joined(separator: "→") } ?? "?"
        return PresidioFigures(mbps: tp["MB_per_s"] as? Double ?? 0, mbpsCPU: tp["MB_per_cpu_s"] as? Double ?? 0,
                               recordsPerSecond: tp["records_per_s"] as? Double ?? 0, load: load, f1: f1)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func wallClock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func cpuClock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
