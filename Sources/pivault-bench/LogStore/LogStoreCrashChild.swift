import Foundation
import Logging
import PIVault
import PIVaultCore

/// A process that reads from a vault without pause and reports every read the
/// log acknowledged, so a test can kill it mid-batch and check that no
/// acknowledged event was lost.
enum LogStoreCrashChild {
    static func run(folder: String, readers: Int) async throws {
        var logger = Logger(label: "crash-child")
        logger.logLevel = .error
        let launcher = VaultLauncher(configPath: folder + "/pivault.yaml", dataDirectory: folder, database: folder + "/vault.sqlite",
                                     masterKeyFile: nil, environment: ProcessInfo.processInfo.environment)
        let vault = try await launcher.open(logger: logger, warn: { _ in })
        let subject = try String(contentsOfFile: folder + "/subject", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for reader in 0..<readers {
                group.addTask {
                    while true {
                        let result = try await vault.read(AccessRequest(actor: Actor(id: "reader-\(reader)", role: "epidemiologist"), subjectID: subject, purpose: "contact-tracing"))
                        if let index = result.logIndex {
                            // One write per line, so the parent never sees half a line.
                            FileHandle.standardOutput.write(Data("ack \(index)\n".utf8))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
