import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault recipients`: the recipients registry (PIPL Art. 21, 23, 38–39).
struct RecipientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipients",
        abstract: "List the registered recipients: other handlers, entrusted processors and recipients abroad (PIPL Art. 21, 23, 38–39).")

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await runReporting {
            let statuses = try await options.withVault { $0.recipients() }
            if json {
                try CLI.printJSON(statuses.map(RecipientOutput.init))
                return
            }
            if statuses.isEmpty { CLI.warn("no recipients registered; declare them under 'recipients' in the configuration") }
            for status in statuses {
                let output = RecipientOutput(status)
                var columns = [output.id, output.kind, output.name]
                columns.append(output.country.map { "abroad:\($0) \(output.mechanism ?? "-")" } ?? "domestic")
                columns.append(output.contract.map { "contract \($0) \(output.contractInForce == true ? "in force" : "ENDED/NOT STARTED")" } ?? "-")
                columns.append(output.purposes.joined(separator: ","))
                print(columns.joined(separator: "\t"))
            }
        }
    }
}

/// A recipient as the CLI and the API print it.
struct RecipientOutput: Encodable {
    var id: String
    var name: String
    var kind: String
    var contact: String?
    var country: String?
    var mechanism: String?
    var rightsContact: String?
    var contract: String?
    var contractInForce: Bool?
    var permittedCategories: [String]?
    var purposes: [String]
    var articles: String

    init(_ status: RecipientStatus) {
        let recipient = status.recipient
        id = recipient.id
        name = recipient.name
        kind = recipient.kind.rawValue
        contact = recipient.contact
        country = recipient.isAbroad ? recipient.country : nil
        mechanism = recipient.isAbroad ? recipient.mechanism?.rawValue : nil
        rightsContact = recipient.rightsContact
        contract = recipient.contract.map { "\(ISODate.formatDate($0.from))..\($0.until.map(ISODate.formatDate) ?? "open")" }
        contractInForce = status.contractInForce
        permittedCategories = recipient.contract?.categories
        purposes = status.purposes
        articles = recipient.articles
    }
}
