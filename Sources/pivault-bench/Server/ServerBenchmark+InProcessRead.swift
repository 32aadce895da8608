import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import PIVault
import PIVaultCore
import PIVaultServer
import Synchronization

extension ServerBenchmark {
    /// The vault's own read, without HTTP: its rate and this process's CPU per read.
    struct InProcessRead {
        var rate: Double
        var microseconds: Double
    }

    /// Reads random subjects of the vault the server used, in this process and
    /// after the server has stopped, with as many concurrent callers as wrk has
    /// connections and the server's log level and handler (written to
    /// /dev/null, as the server's are). It is the floor under the endpoint's
    /// cost: an HTTP read costs this plus what any request costs.
    func readInProcess(directory: String, key: String, ids: [String]) async throws -> InProcessRead {
        let descriptor = open("/dev/null", O_WRONLY)
        guard descriptor >= 0 else { throw ValidationError("cannot open /dev/null for the in-process read's log") }
        let output = LogOutput(descriptor: descriptor, interval: .milliseconds(50))
        // Flushed before the descriptor closes: a later flush must not write to a reused number.
        defer {
            output.flush()
            close(descriptor)
        }
        var logger = Logger(label: "pivault.server", factory: { BufferedLogHandler(label: $0, output: output) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let launcher = VaultLauncher(configPath: directory + "/pivault.yaml", dataDirectory: directory + "/pivault-data", database: nil,
                                     masterKeyFile: nil, environment: ["PIVAULT_MASTER_KEY": key])
        let vault = try await launcher.open(logger: logger, warn: { _ in })
        _ = try await readRandomly(vault, ids: ids, seconds: Self.referenceWarmup)
        let before = Measure.cpuSeconds()
        let reads = try await readRandomly(vault, ids: ids, seconds: Self.referenceSeconds)
        let cpu = Measure.cpuSeconds() - before
        try await vault.close()
        return InProcessRead(rate: Double(reads) / Double(Self.referenceSeconds), microseconds: cpu / Double(max(1, reads)) * 1e6)
    }

    /// Reads as wrk's read script does (epidemiologist, contact tracing, a random subject each time) for `seconds`; returns the count.
    private func readRandomly(_ vault: Vault, ids: [String], seconds: Int) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let actor = Actor(id: "bench", role: "epidemiologist")
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    var reads = 0
                    while ContinuousClock.now < deadline {
                        let result = try await vault.read(AccessRequest(actor: actor, subjectID: ids.randomElement(using: &generator)!, purpose: "contact-tracing"))
                        guard result.decision.outcome == .permit, result.records.count == 1 else {
                            throw ValidationError("an in-process read was not permitted with one record; the seeded vault is not as expected")
                        }
                        reads += 1
                    }
                    return reads
                }
            }
            return try await group.reduce(0, +)
        }
    }
}
