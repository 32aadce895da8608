import ArgumentParser
import Foundation
import PIVault

/// `pivault report [--format markdown|json]` (PIPL Art. 54).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The record of processing activities for the protection officer and auditors (PIPL Art. 54).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @OptionGroup var options: VaultOptions
    @Option(help: "markdown or json.") var format: Format = .markdown
    @Option(help: "Write the report to this file instead of stdout.") var out: String?

    func run() async throws {
        try await runReporting {
            let report = try await options.withVault { try await $0.processingReport() }
            let text: String
            switch format {
            case .markdown:
                text = report.markdown
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
            }
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                print(text, terminator: "")
            }
        }
    }
}
