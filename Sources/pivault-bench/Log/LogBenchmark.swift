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
        let clock = ContinuousClock()

        // Ceiling: raw SHA-256 of 32-byte inputs, each the previous digest so the work cannot be skipped.
        let hashCount = 2_000_000
        var digest = TreeHasher.emptyRoot
        let hashTime = clock.measure {
            for _ in 0..<hashCount {
                digest = digest.withUnsafeBytes { TreeHasher.digest(of: $0) }
            }
        }
        let hashRate = Double(hashCount) / Self.seconds(hashTime)
        print("sha256 32-byte inputs: \(format(hashRate)) ops/s (ceiling; last \(digest.hex.prefix(8)))")

        // Batched appends of 32-byte entries (an event commitment's size).
        let log = try await MerkleLog(storage: InMemoryMerkleStorage())
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
        let appendRate = Double(appended) / Self.seconds(appendTime)
        print("batched appends (in-memory, batch \(batch)): \(format(appendRate)) appends/s, \(String(format: "%.3f", appendRate / hashRate)) × the hashing ceiling")

        // Inclusion proofs at full size, random leaves.
        let size = await log.size
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
        print("inclusion proof at \(size) entries: median \(micro(median)) µs, p99 \(micro(p99)) µs (\(proofs) proofs)")
    }

    private func format(_ rate: Double) -> String { String(format: "%.0f", rate) }
    private func micro(_ duration: Duration) -> String { String(format: "%.1f", Self.seconds(duration) * 1e6) }

    /// A duration in seconds as a floating-point number.
    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
