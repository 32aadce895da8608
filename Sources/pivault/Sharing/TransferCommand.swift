import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault transfer --subject ID --purpose P --recipient R --as ROLE [--fields a,b]`.
struct TransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Give a subject's data to a registered recipient for a purpose that names it; logged as a transfer (PIPL Art. 21, 23, 38–39).")

    @OptionGroup var options: VaultOptions
    @Option(help: "Subject id.") var subject: String
    @Option(help: "Purpose of the transfer; it must name the recipient.") var purpose: String
    @Option(help: "Recipient id from the registry (`pivault recipients`).") var recipient: String
    @Option(name: .customLong("as"), help: "Role the sender acts in; default: the one role granted the purpose.") var role: String?
    @Option(help: "Who sends (a staff id or token name; never a personal value).") var actor: String = "cli"
    @Option(help: "Comma-separated fields; default: all the purpose covers.") var fields: String?
    @Option(help: "Write the data for the recipient to this file instead of stdout.") var out: String?

    func run() async throws {
        try await runReporting {
            let result = try await options.withVault { vault in
                try await vault.transfer(TransferRequest(
                    actor: Actor(id: actor, role: try Self.role(role, purpose: purpose, configuration: vault.configuration)), subjectID: subject, purpose: purpose, recipient: recipient,
                    fields: fields.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }))
            }
            for denial in result.access.decision.denials { CLI.warn(denial.description) }
            let output = TransferOutput(recipient: result.recipient.id, logIndex: result.access.logIndex, data: ReadOutput(result.access))
            if let out {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                try encoder.encode(output).write(to: URL(fileURLWithPath: out), options: .atomic)
                CLI.warn("transferred \(result.access.records.count) record(s) to \(result.recipient.id); written to \(out)")
            } else {
                try CLI.printJSON(output)
            }
        }
    }
}

extension TransferCommand {
    /// The role given, or the only role granted `purpose`.
    static func role(_ given: String?, purpose: String, configuration: VaultConfiguration) throws -> String {
        if let given { return given }
        let granted = configuration.roles.values.filter { $0.purposes.contains(purpose) }.map(\.id).sorted()
        guard granted.count == 1 else {
            throw ValidationError(granted.isEmpty ? "no role is granted purpose '\(purpose)'; grant one in the configuration" : "several roles are granted purpose '\(purpose)' (\(granted.joined(separator: ", "))); say which with --as ROLE")
        }
        return granted[0]
    }
}

/// What a transfer prints: the recipient, the log index of the transfer event, and the data.
struct TransferOutput: Encodable {
    var recipient: String
    var logIndex: UInt64?
    var data: ReadOutput
}
