import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault collect --standard S --purpose P [--subject ID] [JSON]`.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect one record under a standard and purpose (JSON as argument or on stdin).")

    @OptionGroup var options: VaultOptions
    @Option(help: "Collection standard.") var standard: String
    @Option(help: "Purpose of collection.") var purpose: String
    @Option(help: "Existing subject id; omitted, a new subject is created.") var subject: String?
    @Flag(help: "The subject consents to this consent-based purpose now, at collection, having seen its current notice.") var consentGiven = false
    @Option(help: "For a subject under 14 consenting at collection: the guardian's consent reference (PIPL Art. 31).") var guardian: String?
    @Argument(help: "The record as a JSON object; omitted or '-', read from stdin.") var record: String?

    func run() async throws {
        try await runReporting {
            let values = try CLI.readJSONObject(record)
            let receipt = try await options.withVault { vault in
                try await vault.collect(Submission(standard: standard, purpose: purpose, subjectID: subject, values: values, consentGiven: consentGiven, guardian: guardian))
            }
            try CLI.printJSON(receipt)
        }
    }
}
