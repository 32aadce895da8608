import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault notice show PURPOSE [--lang zh|en] [--json]`.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Show the notice of a purpose (PIPL Art. 17), with its version.",
        subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a purpose's notice in Chinese or English; its version is the SHA-256 of its canonical form.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "Purpose id.") var purpose: String
        @Option(help: "zh or en.") var lang: String = "zh"
        @Flag(help: "Print JSON: purpose, version, language, text and the facts stated.") var json = false

        func run() async throws {
            try await runReporting {
                guard let language = NoticeLanguage(rawValue: lang) else { throw ValidationError("--lang must be zh or en") }
                let configuration = try ConfigurationLoader.load(path: options.launcher.configPath)
                guard let notice = NoticeBook(configuration: configuration).notice(for: purpose, language: language) else {
                    throw ValidationError("purpose '\(purpose)' is not declared; declared purposes: \(configuration.purposes.keys.sorted().joined(separator: ", "))")
                }
                if json { try CLI.printJSON(notice) } else { print(notice.text) }
            }
        }
    }
}
