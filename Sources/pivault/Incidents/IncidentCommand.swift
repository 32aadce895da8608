import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultStore

/// `pivault incident add|list|show|notify` (PIPL Art. 57).
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Record incidents and produce the breach notices the law requires (PIPL Art. 57).",
        subcommands: [Add.self, List.self, Show.self, Notify.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an incident: what, when, categories, subjects affected, cause, harm, measures.")
        @OptionGroup var options: VaultOptions
        @Option(help: "What happened.") var summary: String
        @Option(help: "When it happened (ISO 8601 date or date-time).") var occurred: String
        @Option(help: "When it was discovered (default: now).") var discovered: String?
        @Option(help: "Comma-separated data categories involved (at least one).") var categories: String
        @Option(help: "Comma-separated ids of the subjects affected.") var subjects: String?
        @Option(help: "File with one affected subject id per line.") var subjectsFile: String?
        @Option(help: "How many people are affected, where more than those listed (an estimate).") var affected: Int?
        @Option(help: "The cause.") var cause: String
        @Option(help: "The harm that may follow.") var harm: String
        @Option(help: "The remedies taken.") var measures: String
        @Option(help: "What the people affected can do (default: general advice).") var advice: String?
        @Option(help: "Who records it (a staff id).") var actor: String = "cli"

        func run() async throws {
            try await runReporting {
                guard let occurredAt = ISODate.parseDateTime(occurred) ?? ISODate.parseDate(occurred) else {
                    throw ValidationError("--occurred must be an ISO 8601 date or date-time")
                }
                var discoveredAt: Date?
                if let discovered {
                    guard let date = ISODate.parseDateTime(discovered) ?? ISODate.parseDate(discovered) else {
                        throw ValidationError("--discovered must be an ISO 8601 date or date-time")
                    }
                    discoveredAt = date
                }
                var ids = IncidentCommand.list(subjects)
                if let subjectsFile {
                    guard let text = try? String(contentsOfFile: subjectsFile, encoding: .utf8) else {
                        throw ValidationError("cannot read --subjects-file \(subjectsFile)")
                    }
                    ids += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                let report = IncidentReport(summary: summary, occurredAt: occurredAt, discoveredAt: discoveredAt, categories: IncidentCommand.list(categories),
                                            subjects: ids, affectedCount: affected, cause: cause, harm: harm, measures: measures, advice: advice)
                let row = try await options.withVault { try await $0.recordIncident(report, by: actor) }
                print(row.id)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents, most recent first.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                for row in try await options.withVault({ try await $0.incidents() }) {
                    print("\(row.id)\t\(ISODate.formatDateTime(row.occurredAt))\t\(row.categories.joined(separator: ","))\t\(row.affectedCount) affected\t\(row.notifiedAt == nil ? "not notified" : "notified")\t\(row.summary)")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an incident, its affected subjects and its notices' delivery status, as JSON.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "Incident id.") var id: String

        func run() async throws {
            try await runReporting {
                let (incident, subjects, notices) = try await options.withVault { vault in
                    let found = try await vault.incident(id)
                    return (found.incident, found.subjects, try await vault.incidentNotices(id))
                }
                try CLI.printJSON(IncidentOutput(incident, subjects: subjects, notices: notices))
            }
        }
    }

    struct Notify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produce the notices to the authority and to each affected person (zh-CN and en); export them as files or deliver them by webhook.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "Incident id.") var id: String
        @Option(help: "Write each notice as JSON and text into this folder.") var out: String?
        @Option(help: "POST each undelivered notice to this webhook URL, with retries; delivery is tracked.") var deliver: String?
        @Option(help: "Notify only the authority, because the measures taken effectively avoid harm: say which (PIPL Art. 57(2)).") var individualsExempt: String?
        @Option(help: "Who produces the notices (a staff id).") var actor: String = "cli"

        func run() async throws {
            try await runReporting {
                var webhook: URL?
                if let deliver {
                    guard let url = URL(string: deliver), ["http", "https"].contains(url.scheme ?? "") else {
                        throw ValidationError("--deliver must be an http(s) URL")
                    }
                    webhook = url
                }
                try await options.withVault { vault in
                    let notices = try await vault.notifyIncident(id, by: actor, individualsExemption: individualsExempt)
                    print("produced \(notices.count) notice(s): authority + \(notices.count - 1) person(s)")
                    if let out {
                        let files = try await vault.exportIncidentNotices(id, to: URL(fileURLWithPath: out))
                        print("wrote \(files.count) file(s) to \(out)")
                    }
                    if let webhook {
                        let report = try await vault.deliverIncidentNotices(id, to: Webhook(url: webhook))
                        print("delivered \(report.delivered), failed \(report.failed), already delivered \(report.alreadyDelivered)")
                        if report.failed > 0 { throw ExitCode(1) }
                    }
                }
            }
        }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// An incident as `incident show` prints it.
struct IncidentOutput: Encodable {
    struct NoticeStatus: Encodable {
        var notice: String
        var audience: String
        var delivery: String
        var attempts: Int
        var deliveredAt: Date?
    }
    var id: String
    var summary: String
    var occurredAt: Date
    var discoveredAt: Date
    var recordedAt: Date
    var recordedBy: String
    var categories: [String]
    var affected: Int
    var subjects: [String]
    var cause: String
    var harm: String
    var measures: String
    var advice: String
    var notifiedAt: Date?
    var individualsExemption: String?
    var notices: [NoticeStatus]

    init(_ row: IncidentRow, subjects: [String], notices: [IncidentNotice]) {
        id = row.id
        summary = row.summary
        occurredAt = row.occurredAt
        discoveredAt = row.discoveredAt
        recordedAt = row.recordedAt
        recordedBy = row.recordedBy
        categories = row.categories
        affected = row.affectedCount
        self.subjects = subjects
        cause = row.cause
        harm = row.harm
        measures = row.measures
        advice = row.advice
        notifiedAt = row.notifiedAt
        individualsExemption = row.individualsExemption
        self.notices = notices.map { NoticeStatus(notice: $0.noticeID, audience: $0.audience, delivery: $0.delivery, attempts: $0.attempts, deliveredAt: $0.deliveredAt) }
    }
}
