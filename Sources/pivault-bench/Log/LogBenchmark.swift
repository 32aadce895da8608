import ArgumentParser
import Foundation
import TransparencyLog

/// `pivault-bench log`: the hashing ceiling, batched appends, and proof latency at scale, in one run.
struct LogBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "SHA-256 ceiling, batched appends to the in-memory store, inclusion-proof latency at 1,000,000 entries."
    )

    @Option(help: "Entries in the log used for appends and proofs.")
    var entries: Int = 1_000_000

    @Option(help: "Entries per append batch.")
    var batch: Int = 1_000

    @Option(help: "Inclusion proofs to time.")
    var proofs: Int = 10_000

    func run() async throws {
        let ceiling = LogBenchmark.hashingCeiling()
        print("sha256 32-byte inputs: \(Self.format(ceiling)) ops/s (ceiling)")
        try await LogBenchmark.measure(
            storage: InMemoryMerkleStorage(), label: "in-memory", ceiling: ceiling,
            entries: entries, batch: batch, proofs: proofs)
    }

    /// Raw SHA-256 of 32-byte inputs per second; each input is the previous digest so the work cannot be skipped.
    static func hashingCeiling(count: Int = 2_000_000) -> Double {
        var digest = TreeHasher.emptyRoot
        let time = ContinuousClock().measure {
            for _ in 0..<count {
                digest = digest.withUnsafeBytes { TreeHasher.digest(of: $0) }
            }
        }
        precondition(digest != TreeHasher.emptyRoot, "the hash chain ran")
        return Double(count) / seconds(time)
    }

    /// Batched appends of 32-byte entries (an event commitment's size) into a log over `storage`,
    /// then inclusion-proof latency at the final size; prints the figures.
    static func measure<S: MerkleStorage>(
        storage: S, label: String, ceiling: Double, entries: Int, batch: Int, proofs: Int
    ) async throws {
        let clock = ContinuousClock()
        let log = try await MerkleLog(storage: storage)
        var appendTime = Duration.zero
        var appended = 0
        var counter: UInt64 = 0
        while appended < entries {
            let count = min(batch, entries - appended)
            let items: [[UInt8]] = (0..<count).map { _ in
                counter &+= 1
                return withUnsafeBytes(of: counter.bigEndian) { Array($0) } + [UInt8](repeating: 0xA5, count: 24)
            }
            appendTime += try await clock.measure { _ = try await log.append(items) }
            appended += count
        }
        let appendRate = Double(appended) / seconds(appendTime)
        print("batched appends (\(label), batch \(batch)): \(format(appendRate)) appends/s, \(String(format: "%.3f", appendRate / ceiling)) × the hashing ceiling")

        let size = await log.size
        guard size > 0, proofs > 0 else { return }
        var generator = SystemRandomNumberGenerator()
        var latencies: [Duration] = []
        latencies.reserveCapacity(proofs)
        for _ in 0..<proofs {
            let index = UInt64.random(in: 0..<size, using: &generator)
            latencies.append(try await clock.measure { _ = try await log.inclusionProof(index: index, size: size) })
        }
        latencies.sort()
        let median = latencies[latencies.count / 2]
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
        print("inclusion proof (\(label)) at \(size) entries: median \(micro(median)) µs, p99 \(micro(p99)) µs (\(proofs) proofs)")
    }

    private static func format(_ rate: Double) -> String { String(format: "%.0f", rate) }
    private static func micro(_ duration: Duration) -> String { String(format: "%.1f", seconds(duration) * 1e6) }

    /// A duration in seconds as a floating-point number.
    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
