import PIVaultCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import PIVault
import PIVaultCrypto

/// A throw-away SQLite vault with the demo configuration, for benchmarks.
struct BenchVault {
    let directory: String
    let vault: Vault

    static func make(yaml: String = DemoConfiguration.yaml) async throws -> BenchVault {
        let directory = NSTemporaryDirectory() + "pivault-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = directory + "/pivault.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        let key = MasterKey.generate(version: 1).exportBase64()
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let launcher = VaultLauncher(configPath: config, dataDirectory: directory, database: nil, masterKeyFile: nil,
                                     environment: ["PIVAULT_MASTER_KEY": key])
        let vault = try await launcher.open(logger: logger, warn: { _ in })
        // The demo's sensitive purposes are active only with an impact assessment (PIPL Art. 55).
        try await vault.recordDemoAssessments()
        _ = try await vault.declareEmergency(name: "bench outbreak", legalReference: "bench", purposes: ["contact-tracing"], region: nil, endsAt: nil)
        return BenchVault(directory: directory, vault: vault)
    }

    func cleanUp() async {
        try? await vault.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

enum Measure {
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// CPU time (user and system) this process has used so far, in seconds:
    /// a phase's CPU cost per operation stays comparable when other work
    /// shares the machine, which its wall-clock rate does not.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident set size of this process, in MiB (VmHWM).
    static func peakResidentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// Mebibytes as decimal megabytes, the unit the issues' memory goals are written in.
    static func megabytes(_ mebibytes: Double) -> Double { mebibytes * 1.048576 }

    /// Resets the peak RSS counter, so a phase's peak can be read on its own.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}

/// glibc's `malloc_trim` (not in the Glibc module map): returns freed heap to
/// the system, so one phase's peak resident size is not the previous phase's.
@_silgen_name("malloc_trim")
func releaseFreedMemory(_ pad: Int) -> Int32
