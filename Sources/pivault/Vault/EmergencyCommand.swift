import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultStore

/// `pivault emergency declare|end|list`.
struct EmergencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency",
        abstract: "Declare, end and list public-health emergencies (PIPL Art. 13(4)).",
        subcommands: [Declare.self, End.self, List.self])

    struct Declare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Declare an emergency covering purposes.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Name of the emergency.") var name: String
        @Option(help: "The legal instrument that declared it.") var legalReference: String
        @Option(help: "Comma-separated purposes it covers.") var purposes: String
        @Option(help: "Region it is limited to.") var region: String?
        @Option(help: "When it ends (ISO 8601 date-time).") var ends: String?

        func run() async throws {
            try await runReporting {
                var end: Date?
                if let ends {
                    guard let parsed = ISODate.parseDateTime(ends) ?? ISODate.parseDate(ends) else {
                        throw ValidationError("--ends must be an ISO 8601 date or date-time")
                    }
                    end = parsed
                }
                let list = purposes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let row = try await options.withVault {
                    try await $0.declareEmergency(name: name, legalReference: legalReference, purposes: list, region: region, endsAt: end)
                }
                print(row.id)
            }
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End an emergency now.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "Emergency id.") var id: String

        func run() async throws {
            try await runReporting {
                try await options.withVault { try await $0.endEmergency(id) }
                print("ended \(id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List emergencies.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                let rows = try await options.withVault { try await $0.emergencies() }
                for row in rows {
                    let end = row.endsAt.map { ISODate.formatDateTime($0) } ?? "open"
                    print("\(row.id)\t\(row.name)\t\(row.purposes.joined(separator: ","))\t\(ISODate.formatDateTime(row.startsAt)) → \(end)")
                }
            }
        }
    }
}
