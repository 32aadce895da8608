import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault read --subject ID --purpose P --as ROLE [--fields a,b]`.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a subject's data for a purpose, as a role: only what the purpose and role allow.")

    @OptionGroup var options: VaultOptions
    @Option(help: "Subject id.") var subject: String
    @Option(help: "Purpose of the read.") var purpose: String
    @Option(name: .customLong("as"), help: "Role the reader acts in.") var role: String
    @Option(help: "Who reads (a staff id or token name; never a personal value).") var actor: String = "cli"
    @Option(help: "Comma-separated fields; default: all the purpose covers.") var fields: String?

    func run() async throws {
        try await runReporting {
            let request = AccessRequest(
                actor: Actor(id: actor, role: role), subjectID: subject, purpose: purpose,
                fields: fields.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
            let result = try await options.withVault { try await $0.read(request) }
            for denial in result.decision.denials { CLI.warn(denial.description) }
            for failure in result.integrityFailures { CLI.warn("integrity: \(failure.message)") }
            try CLI.printJSON(ReadOutput(result))
            if result.decision.outcome == .deny { throw ExitCode(2) }
        }
    }
}

/// The JSON a read prints.
struct ReadOutput: Encodable {
    struct Record: Encodable {
        var recordID: String
        var standard: String
        var collectedAt: Date
        var values: [String: JSONValue]
        var masked: [String: String]
    }
    struct DenialOutput: Encodable {
        var field: String?
        var reason: String
        var article: String
    }
    var outcome: String
    var basis: String?
    var permitted: [String]
    var masked: [String]
    var sensitive: [String]
    var denials: [DenialOutput]
    var records: [Record]
    var integrityFailures: [String]

    init(_ result: AccessResult) {
        outcome = result.decision.outcome.rawValue
        basis = result.decision.basis.map { "\($0.rawValue) (PIPL \($0.article))" }
        permitted = result.decision.permitted
        masked = result.decision.masked
        sensitive = result.decision.sensitive
        denials = result.decision.denials.map { DenialOutput(field: $0.field, reason: $0.reason, article: $0.article) }
        records = result.records.map { Record(recordID: $0.recordID, standard: $0.standard, collectedAt: $0.collectedAt, values: $0.values, masked: $0.masked) }
        integrityFailures = result.integrityFailures.map(\.message)
    }
}
