import Foundation
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

/// `/v1/incidents` (PIPL Art. 57): record incidents, list and show them,
/// produce their notices and deliver them by webhook. For administrators and
/// the protection officer only.
struct IncidentRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.get("incidents", use: list)
        group.post("incidents", use: create)
        group.get("incidents/:incident", use: show)
        group.get("incidents/:incident/notices", use: notices)
        group.post("incidents/:incident/notify", use: notify)
    }

    @Sendable func list(_ request: Request, context: VaultRequestContext) async throws -> IncidentList {
        _ = try OversightRoles.require(context, to: "list incidents")
        return IncidentList(incidents: try await vault.incidents().map { IncidentView($0, subjects: nil) })
    }

    @Sendable func create(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<IncidentView> {
        let principal = try OversightRoles.require(context, to: "record an incident")
        let body = try await json.decode(IncidentBody.self, from: request)
        let occurredAt = try Self.date(body.occurredAt, member: "occurredAt")
        let discoveredAt = try body.discoveredAt.map { try Self.date($0, member: "discoveredAt") }
        let report = IncidentReport(summary: body.summary, occurredAt: occurredAt, discoveredAt: discoveredAt, categories: body.categories,
                                    subjects: body.subjects ?? [], affectedCount: body.affectedCount, cause: body.cause, harm: body.harm,
                                    measures: body.measures, advice: body.advice)
        let row = try await vault.recordIncident(report, by: principal.tokenID)
        return EditedResponse(status: .created, response: IncidentView(row, subjects: Array(Set(report.subjects)).sorted()))
    }

    @Sendable func show(_ request: Request, context: VaultRequestContext) async throws -> IncidentView {
        _ = try OversightRoles.require(context, to: "see an incident")
        let found = try await vault.incident(try VaultRoutes.pathParameter("incident", context))
        return IncidentView(found.incident, subjects: found.subjects)
    }

    @Sendable func notices(_ request: Request, context: VaultRequestContext) async throws -> IncidentNoticeList {
        _ = try OversightRoles.require(context, to: "see incident notices")
        let id = try VaultRoutes.pathParameter("incident", context)
        return IncidentNoticeList(incident: id, notices: try await vault.incidentNotices(id), delivery: nil)
    }

    @Sendable func notify(_ request: Request, context: VaultRequestContext) async throws -> IncidentNoticeList {
        let principal = try OversightRoles.require(context, to: "produce incident notices")
        let id = try VaultRoutes.pathParameter("incident", context)
        let body = try await json.decodeOptional(NotifyBody.self, from: request)
        var webhook: URL?
        if let text = body?.webhook {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? "") else {
                throw Problem.malformed("member 'webhook' must be an http(s) URL", field: "webhook")
            }
            webhook = url
        }
        _ = try await vault.notifyIncident(id, by: principal.tokenID, individualsExemption: body?.individualsExemption)
        var delivery: NoticeDelivery.Report?
        if let webhook { delivery = try await vault.deliverIncidentNotices(id, to: Webhook(url: webhook)) }
        return IncidentNoticeList(incident: id, notices: try await vault.incidentNotices(id), delivery: delivery)
    }

    static func date(_ text: String, member: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) ?? ISODate.parseDate(text) else {
            throw Problem.malformed("member '\(member)' must be an RFC 3339 date-time such as 2022-05-01T00:00:00Z", field: member)
        }
        return date
    }
}

/// `POST /v1/incidents`.
struct IncidentBody: StrictDecodable {
    static let members: Set<String> = ["summary", "occurredAt", "discoveredAt", "categories", "subjects", "affectedCount", "cause", "harm", "measures", "advice"]
    var summary: String
    var occurredAt: String
    var discoveredAt: String?
    var categories: [String]
    var subjects: [String]?
    var affectedCount: Int?
    var cause: String
    var harm: String
    var measures: String
    var advice: String?
}

/// `POST /v1/incidents/{incident}/notify`.
struct NotifyBody: StrictDecodable {
    static let members: Set<String> = ["webhook", "individualsExemption"]
    var webhook: String?
    var individualsExemption: String?
}

/// An incident as served.
struct IncidentView: ResponseEncodable, Sendable {
    var id: String
    var summary: String
    var occurredAt: Date
    var discoveredAt: Date
    var recordedAt: Date
    var recordedBy: String
    var categories: [String]
    var affectedCount: Int
    var subjects: [String]?
    var cause: String
    var harm: String
    var measures: String
    var advice: String
    var notifiedAt: Date?
    var individualsExemption: String?
    var article = "PIPL Art. 57"

    init(_ row: IncidentRow, subjects: [String]?) {
        id = row.id
        summary = row.summary
        occurredAt = row.occurredAt
        discoveredAt = row.discoveredAt
        recordedAt = row.recordedAt
        recordedBy = row.recordedBy
        categories = row.categories
        affectedCount = row.affectedCount
        self.subjects = subjects
        cause = row.cause
        harm = row.harm
        measures = row.measures
        advice = row.advice
        notifiedAt = row.notifiedAt
        individualsExemption = row.individualsExemption
    }
}

/// Incidents as served.
struct IncidentList: ResponseEncodable, Sendable {
    var incidents: [IncidentView]
}

/// An incident's notices and, after a delivery, what it did.
struct IncidentNoticeList: ResponseEncodable, Sendable {
    var incident: String
    var notices: [IncidentNotice]
    var delivery: NoticeDelivery.Report?
}
