import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault status`: counts and keys, no personal data.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the vault's database, counts and key versions.")
    @OptionGroup var options: VaultOptions

    func run() async throws {
        try await runReporting {
            try CLI.printJSON(try await options.withVault { try await $0.status() })
        }
    }
}
