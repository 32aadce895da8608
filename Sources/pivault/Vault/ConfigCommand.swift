import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault config check [FILE]`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration.",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration and report every problem with its line and column.")

        @Argument(help: "Configuration file (default: $PIVAULT_CONFIG or ./pivault.yaml).")
        var file: String?

        func run() async throws {
            let path = file ?? ProcessInfo.processInfo.environment["PIVAULT_CONFIG"] ?? "pivault.yaml"
            guard let data = FileManager.default.contents(atPath: path) else {
                CLI.warn("error: cannot read \(path); create one with `pivault init` or name the file")
                throw ExitCode(1)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                CLI.warn("\(path):1:1: the file is not UTF-8 text")
                throw ExitCode(1)
            }
            let (configuration, problems) = ConfigurationLoader.check(yaml: text)
            for problem in problems { print("\(path):\(problem)") }
            guard problems.isEmpty, let configuration else {
                CLI.warn("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
                throw ExitCode(1)
            }
            print("\(path): OK — \(configuration.standards.count) standards, \(configuration.purposes.count) purposes, \(configuration.roles.count) roles")
        }
    }
}
