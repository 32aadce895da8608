import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault consent grant|withdraw`.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record or withdraw a subject's consent to a consent-based purpose (PIPL Art. 14–15).",
        subcommands: [Grant.self, Withdraw.self])

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a consent to one purpose.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Subject id.") var subject: String
        @Option(help: "Purpose.") var purpose: String

        func run() async throws {
            try await runReporting {
                let id = try await options.withVault { try await $0.grantConsent(subjectID: subject, purpose: purpose) }
                print(id)
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw consent; every later read for the purpose is denied.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Subject id.") var subject: String
        @Option(help: "Purpose.") var purpose: String

        func run() async throws {
            try await runReporting {
                let count = try await options.withVault { try await $0.withdrawConsent(subjectID: subject, purpose: purpose) }
                print("withdrawn: \(count) consent(s) to '\(purpose)'")
            }
        }
    }
}
