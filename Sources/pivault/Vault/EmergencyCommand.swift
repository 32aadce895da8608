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
        subcommands: [Declare.self, End.self, List.self, Notices.self])

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

    struct Notices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, export or deliver the notices owed after an emergency ended (PIPL Art. 18).")
        @OptionGroup var options: VaultOptions
        @Argument(help: "Emergency id.") var id: String
        @Option(help: "Write the notices as JSON Lines to this file.") var jsonl: String?
        @Option(help: "POST each undelivered notice to this webhook URL, with retries; delivery is tracked.") var deliver: String?

        func run() async throws {
            try await runReporting {
                try await options.withVault { vault in
                    if let deliver {
                        guard let url = URL(string: deliver), ["http", "https"].contains(url.scheme ?? "") else {
                            throw ValidationError("--deliver must be an http(s) URL")
                        }
                        let report = try await NoticeDelivery(vault: vault, webhook: url).run(emergencyID: id)
                        print("delivered \(report.delivered), failed \(report.failed), already delivered \(report.alreadyDelivered)")
                        if report.failed > 0 { throw ExitCode(1) }
                        return
                    }
                    let notices = try await vault.owedNotices(emergencyID: id)
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    encoder.dateEncodingStrategy = .iso8601
                    if let jsonl {
                        let text = try notices.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
                        try Data((text + (notices.isEmpty ? "" : "\n")).utf8).write(to: URL(fileURLWithPath: jsonl), options: .atomic)
                        print("wrote \(notices.count) notice(s) to \(jsonl)")
                    } else {
                        for notice in notices { print("\(notice.subjectID)\t\(notice.recordID)\t\(notice.purpose)\t\(notice.delivery)\t\(notice.attempts)") }
                        if notices.isEmpty { CLI.warn("no notices produced for \(id); notices are produced when the emergency ends") }
                    }
                }
            }
        }
    }
}
