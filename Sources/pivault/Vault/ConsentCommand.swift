import ArgumentParser
import Foundation
import PIVault

/// `pivault consent grant|withdraw|receipts`.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record or withdraw a subject's consent (PIPL Art. 14–16, 29, 31); each yields a signed receipt.",
        subcommands: [Grant.self, Withdraw.self, Receipts.self])

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a consent to one purpose (or a bundle of purposes that need no separate consent).",
            discussion: "Give the notice version shown for each purpose (`pivault notice show P --json`); without --notice-version the current versions are recorded.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Subject id.") var subject: String
        @Option(help: "Purpose; repeat for a bundle.") var purpose: [String]
        @Option(help: "Notice version shown, one per --purpose, in order.") var noticeVersion: [String] = []
        @Option(help: "How consent was given (web-form, paper-form, app, verbal).") var method: String = "cli"
        @Option(help: "For a subject under 14: reference to the guardian's consent (PIPL Art. 31).") var guardian: String?
        @Option(help: "Write the signed receipt to this file instead of stdout.") var receipt: String?

        func run() async throws {
            try await runReporting {
                let outcome = try await options.withVault { vault in
                    let versions = noticeVersion.isEmpty ? purpose.map { vault.notices.versions[$0] ?? "" } : noticeVersion
                    return try await vault.grantConsent(ConsentGrant(subjectID: subject, purposes: purpose, noticeVersions: versions, method: method, guardian: guardian))
                }
                try emit(outcome.receipt, to: receipt)
                CLI.warn("consent recorded: \(outcome.consentIDs.joined(separator: ", "))")
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw consent: every later read for the purpose is denied; records resting only on it are deleted (PIPL Art. 15, 47).")
        @OptionGroup var options: VaultOptions
        @Option(help: "Subject id.") var subject: String
        @Option(help: "Purpose.") var purpose: String
        @Option(help: "Write the signed receipt to this file instead of stdout.") var receipt: String?

        func run() async throws {
            try await runReporting {
                let outcome = try await options.withVault { try await $0.withdrawConsent(subjectID: subject, purpose: purpose, method: "cli") }
                try emit(outcome.receipt, to: receipt)
                CLI.warn("withdrawn: \(outcome.consentIDs.count) consent(s) to '\(purpose)'; \(outcome.recordsDeleted) record(s) deleted")
            }
        }
    }

    struct Receipts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a subject's signed consent receipts as JSON Lines.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Subject id.") var subject: String

        func run() async throws {
            try await runReporting {
                for document in try await options.withVault({ try await $0.consentReceipts(subjectID: subject) }) {
                    let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(document.utf8)), options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: compact, as: UTF8.self))
                }
            }
        }
    }
}

func emit(_ text: String, to path: String?) throws {
    if let path {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } else {
        print(text)
    }
}
