import Foundation
import Logging
import PIVaultCore
import PIVaultStore

extension Vault {
    /// Produces the notices an incident requires (PIPL Art. 57): one to the
    /// authority and one to each affected subject, in Chinese and English.
    /// Producing again keeps earlier notices and their delivery status.
    ///
    /// - Parameter individualsExemption: Why the people affected are not notified — the measures
    ///   taken effectively avoid harm (Art. 57(2)); only the authority's notice is produced, and it
    ///   states the reason. Notifying again without it (say, because the authority requires it)
    ///   produces the people's notices.
    /// - Throws: ``VaultError`` `notFound` for an unknown incident, `invalidInput` for an empty reason.
    public func notifyIncident(_ id: String, by actor: String, individualsExemption: String? = nil) async throws -> [IncidentNotice] {
        let exemption = individualsExemption?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let exemption, exemption.isEmpty {
            throw VaultError(.invalidInput, "say why the people affected need not be notified: which measures effectively avoid the harm (nothing was produced)", fieldPath: "individualsExemption", article: "PIPL Art. 57(2)")
        }
        let subjects = try await incident(id).subjects
        let now = clock.now()
        let people = exemption == nil ? subjects : []
        let rows = [IncidentNoticeRow(incidentID: id, noticeID: "authority", audience: "authority", subjectID: nil, producedAt: now)]
            + people.map { IncidentNoticeRow(incidentID: id, noticeID: "subject-\($0)", audience: "subject", subjectID: $0, producedAt: now) }
        try await store.write { session in
            try await session.setIndividualsExemption(incidentID: id, reason: exemption)
            try await session.insertIncidentNotices(rows, incidentID: id, at: now)
        }
        let detail = exemption == nil ? "\(id); notices: authority + \(people.count) subject(s)" : "\(id); notices: authority only (PIPL Art. 57(2))"
        try await logEvents([LogEvent(kind: .incidentNotice, time: now, actor: actor, role: Self.systemActor.role, purpose: nil, fields: [],
                                      decision: "recorded", subject: nil, detail: detail)])
        logger.notice("incident notices produced", metadata: ["incident": "\(id)", "subjects": "\(people.count)", "individualsExempt": "\(exemption != nil)"])
        return try await incidentNotices(id)
    }

    /// The notices produced for an incident, with their delivery status.
    public func incidentNotices(_ id: String) async throws -> [IncidentNotice] {
        try await incidentNotices(id, incident: try await incident(id).incident)
    }

    func incidentNotices(_ id: String, incident: IncidentRow) async throws -> [IncidentNotice] {
        try await store.read { try await $0.incidentNotices(id) }.map { IncidentNotice(incident: incident, row: $0, configuration: configuration) }
    }

    /// Delivers every undelivered notice of an incident to `webhook`, tracking each attempt.
    ///
    /// - Throws: ``VaultError`` `conflict` when no notices were produced yet.
    public func deliverIncidentNotices(_ id: String, to webhook: Webhook) async throws -> NoticeDelivery.Report {
        let notices = try await incidentNotices(id)
        guard !notices.isEmpty else {
            throw VaultError(.conflict, "incident \(id) has no notices yet; produce them first with `pivault incident notify \(id)`", article: "PIPL Art. 57")
        }
        var report = NoticeDelivery.Report(delivered: 0, failed: 0, alreadyDelivered: 0)
        for notice in notices {
            if notice.delivery == "delivered" { report.alreadyDelivered += 1; continue }
            let outcome = await webhook.deliver(try Webhook.encoder.encode(notice))
            let deliveredAt = outcome.delivered ? clock.now() : nil
            try await store.write {
                try await $0.recordIncidentDelivery(incidentID: id, noticeID: notice.noticeID, attempts: outcome.attempts, deliveredAt: deliveredAt, error: outcome.error)
            }
            if outcome.delivered { report.delivered += 1 } else { report.failed += 1 }
        }
        return report
    }

    /// Writes an incident's notices into `directory`: per notice a JSON file
    /// and a text file with the Chinese then the English text.
    ///
    /// - Returns: The files written.
    public func exportIncidentNotices(_ id: String, to directory: URL) async throws -> [URL] {
        let notices = try await incidentNotices(id)
        guard !notices.isEmpty else {
            throw VaultError(.conflict, "incident \(id) has no notices yet; produce them first with `pivault incident notify \(id)`", article: "PIPL Art. 57")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for notice in notices {
            let json = directory.appendingPathComponent("\(id)-\(notice.noticeID).json")
            let text = directory.appendingPathComponent("\(id)-\(notice.noticeID).txt")
            try Webhook.encoder.encode(notice).write(to: json, options: .atomic)
            try Data((notice.textZH + "\n\n" + notice.textEN + "\n").utf8).write(to: text, options: .atomic)
            written += [json, text]
        }
        return written
    }
}
