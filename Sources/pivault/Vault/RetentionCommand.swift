import ArgumentParser
import Foundation
import PIVault

/// `pivault retention sweep|receipts`.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Delete records past their retention deadline (PIPL Art. 19, 47) and list deletion receipts.",
        subcommands: [Sweep.self, Receipts.self])

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every record past its deadline, each with a deletion receipt.")
        @OptionGroup var options: VaultOptions
        @Flag(help: "Count what is due; change nothing.") var dryRun = false

        func run() async throws {
            try await runReporting {
                let report = try await options.withVault { try await $0.sweepRetention(dryRun: dryRun) }
                print(dryRun ? "\(report.due) record(s) due; nothing deleted (dry run)" : "deleted \(report.deleted) record(s) past their retention deadline")
            }
        }
    }

    struct Receipts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print deletion receipts as JSON Lines (no personal data).")
        @OptionGroup var options: VaultOptions
        @Option(help: "Only this subject's.") var subject: String?
        @Option(help: "At most this many, most recent first.") var limit: Int = 1000

        func run() async throws {
            try await runReporting {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                for receipt in try await options.withVault({ try await $0.deletionReceipts(subjectID: subject, limit: limit) }) {
                    print(String(decoding: try encoder.encode(receipt), as: UTF8.self))
                }
            }
        }
    }
}
