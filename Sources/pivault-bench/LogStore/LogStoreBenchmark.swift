import ArgumentParser
import Foundation
import Logging
import PIVault
import PIVaultCore
import PIVaultStore
import TransparencyLog

/// `pivault-bench log-store`: the transparency log kept in the vault's SQLite
/// store — hashing ceiling, batched appends, proof latency at scale — and
/// purpose-bound reads through a vault that logs each one.
struct LogStoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-store",
        abstract: "SHA-256 ceiling, batched appends to the SQLite-backed log (goal ≥ 50,000/s), inclusion proofs at 1,000,000 entries (goal median ≤ 1 ms), logged vault reads (goal ≥ 10,000/s)."
    )

    @Option(help: "Entries in the log used for appends and proofs.")
    var entries: Int = 1_000_000

    @Option(help: "Entries per append batch (one transaction each).")
    var batch: Int = 8_192

    @Option(help: "Inclusion proofs to time.")
    var proofs: Int = 10_000

    @Option(help: "Purpose-bound reads through a logging vault (0 to skip).")
    var reads: Int = 50_000

    @Option(help: "Concurrent readers for the vault reads.")
    var readers: Int = 64

    @Option(help: "Instead of benchmarking: read continuously from the SQLite vault in this folder (pivault.yaml, vault.sqlite, PIVAULT_MASTER_KEY), printing each acknowledged log index, until killed.")
    var serveReads: String?

    func run() async throws {
        if let serveReads { return try await LogStoreCrashChild.run(folder: serveReads, readers: readers) }
        let ceiling = LogBenchmark.hashingCeiling()
        print("sha256 32-byte inputs: \(String(format: "%.0f", ceiling)) ops/s (ceiling)")
        let directory = NSTemporaryDirectory() + "pivault-log-store-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let store = try await VaultStore.open(try await SQLiteEngine.open(path: directory + "/log.sqlite", logger: logger))
        try await LogBenchmark.measure(storage: SQLMerkleStorage(store: store), label: "SQLite", ceiling: ceiling,
                                       entries: entries, batch: batch, proofs: proofs)
        try await store.close()
        if reads > 0 { try await measureVaultReads() }
    }

    /// Reads through the vault, each logged (stored durably before it returns), with `readers` concurrent callers.
    private func measureVaultReads() async throws {
        let bench = try await BenchVault.make()
        let vault = bench.vault
        var people = SyntheticPeople(seed: 11)
        var collected: [String] = []
        for _ in 0..<100 {
            collected.append(try await vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: people.registration())).subjectID)
        }
        let subjects = collected
        let total = reads
        let readers = self.readers
        let seconds = try await Measure.seconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in 0..<readers {
                    group.addTask {
                        for index in stride(from: reader, to: total, by: readers) {
                            let result = try await vault.read(AccessRequest(actor: Actor(id: "bench", role: "epidemiologist"), subjectID: subjects[index % subjects.count], purpose: "contact-tracing"))
                            precondition(result.logIndex != nil, "every read is logged")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let published = try await Measure.seconds { _ = try await vault.publishCheckpoint() }
        print(String(format: "logged purpose-bound reads (SQLite, %d concurrent): %.0f reads/s (goal ≥ 10,000/s); checkpoint over them signed in %.1f ms", readers, Double(total) / seconds, published * 1000))
        await bench.cleanUp()
    }
}
