import Foundation
import Logging
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import TransparencyLog

/// A process killed while it appends to the log loses no acknowledged event
/// (the log's storage contract: events and leaves commit together; integration is redone on open).
@Suite("Transparency log crash recovery")
struct TransparencyLogCrashTests {
    static var childPath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pivault-bench").path
    }

    @Test("A reader killed (SIGKILL) mid-batch: every read it was told was logged is in the log after reopening, and the tree verifies")
    func killedMidBatchLosesNothing() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.childPath) else {
            print("note: crash-recovery test skipped — build pivault-bench first (`swift build`); looked for \(Self.childPath)")
            return
        }
        let folder = NSTemporaryDirectory() + "pivault-crash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(DemoConfiguration.yaml.utf8).write(to: URL(fileURLWithPath: folder + "/pivault.yaml"))
        let environment = ["PIVAULT_MASTER_KEY": "1:" + MasterKey.generate(version: 1).exportBase64()]
        var logger = Logger(label: "crash-test")
        logger.logLevel = .error
        let launcher = VaultLauncher(configPath: folder + "/pivault.yaml", dataDirectory: folder, database: folder + "/vault.sqlite",
                                     masterKeyFile: nil, environment: environment)
        let vault = try await launcher.open(logger: logger, warn: { _ in })
        try await vault.recordDemoAssessments()
        _ = try await vault.declareEmergency(name: "Outbreak", legalReference: "Notice 2022-1", purposes: ["contact-tracing"], region: nil, endsAt: nil)
        let subject = try await vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: TestVault.person)).subjectID
        try await vault.close()
        try Data(subject.utf8).write(to: URL(fileURLWithPath: folder + "/subject"))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.childPath)
        child.arguments = ["log-store", "--serve-reads", folder, "--readers", "32"]
        child.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        let handle = output.fileHandleForReading
        let pid = child.processIdentifier
        let text = await Task.detached { () -> String in
            var data = Data()
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
                if data.count > 3_000 * 8 { break }
            }
            kill(pid, SIGKILL)
            // Lines already written before the kill are acknowledged too.
            data.append(handle.readDataToEndOfFile())
            return String(decoding: data, as: UTF8.self)
        }.value
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let acknowledged = text.split(separator: "\n").compactMap { line -> UInt64? in
            line.hasPrefix("ack ") ? UInt64(line.dropFirst(4)) : nil
        }
        try #require(acknowledged.count > 100, "the child acknowledged only \(acknowledged.count) reads")

        let reopened = try await launcher.open(logger: logger, warn: { _ in })
        let size = await reopened.transparency.log.size
        #expect(size > acknowledged.max()!)
        let state = try await reopened.store.read { try await $0.logState() }
        #expect(state.integratedSize == state.leafCount)
        let entries = try await reopened.store.read { try await $0.logEntries(range: 0..<size) }
        let reads = Set(try entries.filter { try LogEvent(leafData: $0.data).kind == .read }.map(\.index))
        let lost = acknowledged.filter { !reads.contains($0) }
        #expect(lost.isEmpty, "\(lost.count) acknowledged reads are missing from the log")
        try await reopened.publishCheckpoint()
        let checkpoint = try await reopened.checkLog()
        #expect(checkpoint.size == size)
        try await reopened.close()
    }
}
