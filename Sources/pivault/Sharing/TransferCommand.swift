import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault transfer --subject ID | --subjects-file FILE --purpose P --recipient R [--as ROLE] [--fields a,b]`.
struct TransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Give subjects' data to a registered recipient for a purpose that names it; each transfer is logged (PIPL Art. 21, 23, 38–39).")

    @OptionGroup var options: VaultOptions
    @Option(help: "Subject id.") var subject: String?
    @Option(help: "File with one subject id per line: a batch, written as JSON Lines (one transfer per line).") var subjectsFile: String?
    @Option(help: "Purpose of the transfer; it must name the recipient.") var purpose: String
    @Option(help: "Recipient id from the registry (`pivault recipients`).") var recipient: String
    @Option(name: .customLong("as"), help: "Role the sender acts in; default: the one role granted the purpose.") var role: String?
    @Option(help: "Who sends (a staff id or token name; never a personal value).") var actor: String = "cli"
    @Option(help: "Comma-separated fields; default: all the purpose covers.") var fields: String?
    @Option(help: "Write the data for the recipient to this file instead of stdout.") var out: String?

    func validate() throws {
        guard (subject == nil) != (subjectsFile == nil) else {
            throw ValidationError("give either --subject ID or --subjects-file FILE")
        }
    }

    func run() async throws {
        try await runReporting {
            let subjects = try subjectIDs()
            let fieldList = fields.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let encoder = JSONEncoder()
            encoder.outputFormatting = subjectsFile == nil ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var lines: [String] = []
            var refused = 0
            try await options.withVault { vault in
                let actor = Actor(id: actor, role: try Self.role(role, purpose: purpose, configuration: vault.configuration))
                // Registry refusals apply to the whole batch: check once, before anything is read.
                try vault.checkTransfer(TransferRequest(actor: actor, subjectID: subjects[0], purpose: purpose, recipient: recipient, fields: fieldList))
                for subject in subjects {
                    do {
                        let result = try await vault.transfer(TransferRequest(actor: actor, subjectID: subject, purpose: purpose, recipient: recipient, fields: fieldList))
                        for denial in result.access.decision.denials { CLI.warn("\(subject): \(denial)") }
                        let output = TransferOutput(recipient: result.recipient.id, logIndex: result.access.logIndex, data: ReadOutput(result.access))
                        lines.append(String(decoding: try encoder.encode(output), as: UTF8.self))
                    } catch let error as VaultError where subjects.count > 1 && error.code != .storageUnavailable {
                        // In a batch a refusal for one subject (no consent, erased) does not stop the others.
                        CLI.warn("\(subject): \(error)")
                        refused += 1
                    }
                }
            }
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                CLI.warn("transferred \(lines.count) subject(s) to \(recipient)\(refused > 0 ? ", refused \(refused)" : ""); written to \(out)")
            } else {
                print(text, terminator: "")
            }
            if refused > 0 { throw ExitCode(2) }
        }
    }

    func subjectIDs() throws -> [String] {
        if let subject { return [subject] }
        guard let subjectsFile, let text = try? String(contentsOfFile: subjectsFile, encoding: .utf8) else {
            throw ValidationError("cannot read --subjects-file \(subjectsFile ?? "")")
        }
        let ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw ValidationError("--subjects-file \(subjectsFile) lists no subject ids") }
        return ids
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
