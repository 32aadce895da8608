import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault init [DIR]`: writes the demo configuration and a data folder.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a demo configuration (pivault.yaml) and a data folder.")

    @Argument(help: "Folder to initialise (default: the current folder).")
    var directory: String = "."

    @Flag(help: "Overwrite an existing pivault.yaml.")
    var force = false

    func run() async throws {
        try await runReporting {
            let manager = FileManager.default
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let configPath = (directory as NSString).appendingPathComponent("pivault.yaml")
            let dataPath = (directory as NSString).appendingPathComponent("pivault-data")
            if manager.fileExists(atPath: configPath) && !force {
                CLI.warn("error: \(configPath) already exists; pass --force to overwrite it")
                throw ExitCode(1)
            }
            try Data(DemoConfiguration.yaml.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic)
            try manager.createDirectory(atPath: dataPath, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            print("wrote \(configPath) (demo: epidemic-registration, venue-checkin; purposes contact-tracing, vaccination-record, service-newsletter)")
            print("created \(dataPath)/")
            // The demo's sensitive purposes need impact assessments before use (PIPL Art. 55): record the demo's own.
            let launcher = VaultLauncher(configPath: configPath, dataDirectory: dataPath, database: nil, masterKeyFile: nil, environment: ProcessInfo.processInfo.environment)
            let vault = try await launcher.open(logger: CLI.logger, warn: CLI.warn)
            let recorded: Int
            do {
                recorded = try await vault.recordDemoAssessments()
            } catch {
                try? await vault.close()
                throw error
            }
            try await vault.close()
            print("recorded \(recorded) demo impact assessments (replace them with your own: pivault assessment add)")
            print("next: pivault config check \(configPath)")
        }
    }
}
