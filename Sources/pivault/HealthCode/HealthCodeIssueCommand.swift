import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault healthcode issue --subject ID --status S [--valid-for 24h] --as ROLE --purpose P`.
struct HealthCodeIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a signed health code for a subject; prints the \"HC1:\" string.",
        discussion: """
            Role and purpose are checked like a read. A status other than the subject's current one \
            (green when none was issued) needs a purpose resting on a declared public-health emergency \
            (PIPL Art. 13(4)). The code holds a random id, the status, the validity and the issuer — \
            no name, ID number or birth date; the vault keeps the link from code id to subject.
            """)

    @OptionGroup var options: VaultOptions
    @Option(help: "Subject id.") var subject: String
    @Option(help: "green, yellow or red.") var status: String
    @Option(help: "Validity, e.g. 24h, 30m, 7d (at most 30d).") var validFor: String = "24h"
    @Option(help: "Purpose the code is issued for.") var purpose: String
    @Option(name: .customLong("as"), help: "Role the issuer acts in.") var role: String
    @Option(help: "Who issues (a staff id or token name; never a personal value).") var actor: String = "cli"
    @Flag(help: "Print the code id, validity and issuer as JSON alongside the string.") var json = false

    func run() async throws {
        try await runReporting {
            let request = HealthCodeRequest(
                actor: Actor(id: actor, role: role), subjectID: subject, purpose: purpose,
                status: try HealthCodeRequest.status(parsing: status), validFor: try HealthCodeRequest.duration(parsing: validFor))
            let code = try await options.withVault { try await $0.issueHealthCode(request) }
            if json {
                try CLI.printJSON(HealthCodeOutput(code))
            } else {
                print(code.text)
                CLI.warn("code id: \(code.codeID) (valid until \(HealthCodeCLI.isoDate(Int64(code.validUntil.timeIntervalSince1970))))")
            }
        }
    }
}

/// The JSON `issue --json` prints; the subject id is left out on purpose.
struct HealthCodeOutput: Encodable {
    var codeID: String
    var status: String
    var validFrom: Date
    var validUntil: Date
    var issuer: String
    var code: String

    init(_ code: VaultHealthCode) {
        codeID = code.codeID
        status = code.status
        validFrom = code.validFrom
        validUntil = code.validUntil
        issuer = code.issuer
        self.code = code.text
    }
}
