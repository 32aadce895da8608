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
            print("next: pivault config check \(configPath)")
        }
    }
}
