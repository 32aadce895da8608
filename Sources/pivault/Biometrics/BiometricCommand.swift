import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault biometric match`: 1:1 verification inside the vault (PIPL Art. 26, 29).
struct BiometricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "biometric",
        abstract: "Biometric templates: verify 1:1 or identify 1:N inside the vault; templates never leave it.",
        subcommands: [BiometricMatchCommand.self, BiometricIdentifyCommand.self, BiometricFilingCommand.self])

    /// The probe template in `path` (`-`: standard input), as JSON.
    static func probe(from path: String) throws -> JSONValue {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ValidationError("the template file is not JSON; give an array of numbers or an object with 'template'")
        }
    }
}

/// `pivault biometric match --subject ID --template FILE --purpose P --as ROLE`.
struct BiometricMatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Verify 1:1 whether a probe template is the subject's: prints only match yes/no and the score.",
        discussion: "The template file holds a JSON array of numbers, or an object with 'template' (and optionally 'modality'); - reads stdin. Exit code 3 when the probe does not match.")

    @OptionGroup var options: VaultOptions
    @Option(help: "Subject id.") var subject: String
    @Option(help: "File with the probe template (JSON), or - for stdin.") var template: String
    @Option(help: "The biometric purpose the match serves.") var purpose: String
    @Option(name: .customLong("as"), help: "Role the verifier acts in.") var role: String
    @Option(help: "Who verifies (a staff or device id; never a personal value).") var actor: String = "cli"

    func run() async throws {
        let probe = try BiometricCommand.probe(from: template)
        try await runReporting {
            let result = try await options.withVault {
                try await $0.matchBiometric(BiometricMatchRequest(actor: Actor(id: actor, role: role), subjectID: subject, purpose: purpose, template: probe))
            }
            try CLI.printJSON(result)
            if !result.match { throw ExitCode(3) }
        }
    }
}

/// `pivault biometric identify --template FILE --purpose P --as ROLE`.
struct BiometricIdentifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Identify 1:N under a purpose declared `identification: true` (PIPL Art. 26): prints only candidates' pseudonymous ids and scores.",
        discussion: "The template file holds a JSON array of numbers, or an object with 'template'; - reads stdin. Exit code 3 when nobody reaches the threshold.")

    @OptionGroup var options: VaultOptions
    @Option(help: "File with the probe template (JSON), or - for stdin.") var template: String
    @Option(help: "The identification purpose.") var purpose: String
    @Option(name: .customLong("as"), help: "Role the searcher acts in.") var role: String
    @Option(help: "Who searches (a staff or device id; never a personal value).") var actor: String = "cli"
    @Option(help: "Most candidates to return (1–100).") var limit: Int = 5

    func run() async throws {
        let probe = try BiometricCommand.probe(from: template)
        try await runReporting {
            let result = try await options.withVault {
                try await $0.identifyBiometric(BiometricIdentifyRequest(actor: Actor(id: actor, role: role), purpose: purpose, template: probe, limit: limit))
            }
            try CLI.printJSON(result)
            if result.candidates.isEmpty { throw ExitCode(3) }
        }
    }
}

/// `pivault biometric filing`: how many people's templates are held and whether a filing is due.
struct BiometricFilingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filing",
        abstract: "Show how many people's biometric templates are held and whether a filing with the authority is due.")

    @OptionGroup var options: VaultOptions

    func run() async throws {
        try await runReporting {
            let filing = try await options.withVault { try await $0.biometricFiling() }
            try CLI.printJSON(filing)
            if filing.filingDue { CLI.warn(filing.message) }
        }
    }
}
