import Foundation
import SQLKit

extension StoreSession {
    // MARK: Incidents (PIPL Art. 57)

    /// Stores an incident and the subjects it affected.
    public func insertIncident(_ row: IncidentRow, subjects: [String]) async throws {
        try await database.raw("""
            INSERT INTO incidents (incident_id, summary, occurred_at, discovered_at, recorded_at, recorded_by, categories, affected_count, cause, harm, measures, advice)
            VALUES (\(bind: row.id), \(bind: row.summary), \(bind: row.occurredAt.storedMilliseconds), \(bind: row.discoveredAt.storedMilliseconds),
                    \(bind: row.recordedAt.storedMilliseconds), \(bind: row.recordedBy), \(bind: row.categories.joined(separator: ",")), \(bind: row.affectedCount),
                    \(bind: row.cause), \(bind: row.harm), \(bind: row.measures), \(bind: row.advice))
            """).run()
        for chunk in subjects.chunked(200) {
            try await database.insert(into: "incident_subjects").columns("incident_id", "subject_id").boundRows(chunk.map { [row.id, $0] }).run()
        }
    }

    /// Which of `subjectIDs` exist (erased ones included), in chunks.
    public func existingSubjects(_ subjectIDs: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for chunk in subjectIDs.chunked(400) {
            for row in try await database.raw("SELECT subject_id FROM subjects WHERE subject_id IN (\(binds: Array(chunk)))").all() {
                found.insert(try row.decode(column: "subject_id", as: String.self))
            }
        }
        return found
    }

    /// Every incident, most recent first.
    public func incidents() async throws -> [IncidentRow] {
        try await database.raw("\(unsafeRaw: Self.incidentColumns) ORDER BY occurred_at DESC, incident_id").all().map(Self.incidentRow)
    }

    /// One incident, or nil.
    public func incident(_ id: String) async throws -> IncidentRow? {
        try await database.raw("\(unsafeRaw: Self.incidentColumns) WHERE incident_id = \(bind: id)").first().map(Self.incidentRow)
    }

    /// The subjects an incident affected.
    public func incidentSubjects(_ id: String) async throws -> [String] {
        try await database.raw("SELECT subject_id FROM incident_subjects WHERE incident_id = \(bind: id) ORDER BY subject_id").all()
            .map { try $0.decode(column: "subject_id", as: String.self) }
    }

    /// Records the notices produced for an incident, keeping those produced before.
    public func insertIncidentNotices(_ rows: [IncidentNoticeRow], incidentID: String, at date: Date) async throws {
        let existing = Set(try await incidentNotices(incidentID).map(\.noticeID))
        let fresh = rows.filter { !existing.contains($0.noticeID) }
        for chunk in fresh.chunked(200) {
            try await database.insert(into: "incident_notices").columns("incident_id", "notice_id", "audience", "subject_id", "produced_at")
                .boundRows(chunk.map { [$0.incidentID, $0.noticeID, $0.audience, $0.subjectID, $0.producedAt.storedMilliseconds] }).run()
        }
        try await database.raw("UPDATE incidents SET notified_at = \(bind: date.storedMilliseconds) WHERE incident_id = \(bind: incidentID) AND notified_at IS NULL").run()
    }

    /// Records why the people affected are not notified (Art. 57(2)), or clears it with nil.
    public func setIndividualsExemption(incidentID: String, reason: String?) async throws {
        try await database.raw("UPDATE incidents SET individuals_exemption = \(bind: reason) WHERE incident_id = \(bind: incidentID)").run()
    }

    /// An incident's notices with their delivery status.
    public func incidentNotices(_ id: String) async throws -> [IncidentNoticeRow] {
        try await database.raw("SELECT incident_id, notice_id, audience, subject_id, produced_at, delivered_at, attempts, last_error FROM incident_notices WHERE incident_id = \(bind: id) ORDER BY audience, notice_id").all().map { row in
            IncidentNoticeRow(
                incidentID: try row.decode(column: "incident_id", as: String.self),
                noticeID: try row.decode(column: "notice_id", as: String.self),
                audience: try row.decode(column: "audience", as: String.self),
                subjectID: try row.decode(column: "subject_id", as: String?.self),
                producedAt: Date(storedMilliseconds: try row.decode(column: "produced_at", as: Int64.self)),
                deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).storedDate,
                attempts: try row.decode(column: "attempts", as: Int.self),
                lastError: try row.decode(column: "last_error", as: String?.self))
        }
    }

    /// Records one delivery attempt's outcome for an incident notice.
    public func recordIncidentDelivery(incidentID: String, noticeID: String, attempts: Int, deliveredAt: Date?, error: String?) async throws {
        try await database.raw("UPDATE incident_notices SET attempts = attempts + \(bind: attempts), delivered_at = \(bind: deliveredAt?.storedMilliseconds), last_error = \(bind: error) WHERE incident_id = \(bind: incidentID) AND notice_id = \(bind: noticeID)").run()
    }

    static let incidentColumns = "SELECT incident_id, summary, occurred_at, discovered_at, recorded_at, recorded_by, categories, affected_count, cause, harm, measures, advice, notified_at, individuals_exemption FROM incidents"

    static func incidentRow(_ row: any SQLRow) throws -> IncidentRow {
        IncidentRow(
            id: try row.decode(column: "incident_id", as: String.self),
            summary: try row.decode(column: "summary", as: String.self),
            occurredAt: Date(storedMilliseconds: try row.decode(column: "occurred_at", as: Int64.self)),
            discoveredAt: Date(storedMilliseconds: try row.decode(column: "discovered_at", as: Int64.self)),
            recordedAt: Date(storedMilliseconds: try row.decode(column: "recorded_at", as: Int64.self)),
            recordedBy: try row.decode(column: "recorded_by", as: String.self),
            categories: try row.decode(column: "categories", as: String.self).split(separator: ",").map(String.init),
            affectedCount: try row.decode(column: "affected_count", as: Int.self),
            cause: try row.decode(column: "cause", as: String.self),
            harm: try row.decode(column: "harm", as: String.self),
            measures: try row.decode(column: "measures", as: String.self),
            advice: try row.decode(column: "advice", as: String.self),
            notifiedAt: try row.decode(column: "notified_at", as: Int64?.self).storedDate,
            individualsExemption: try row.decode(column: "individuals_exemption", as: String?.self))
    }

    // MARK: Anomaly alerts and suspensions (Art. 51, 57)

    /// Stores an alert and, when it suspends, the actor's suspension.
    public func insertAlert(_ row: AnomalyAlertRow, suspension: SuspensionRow?) async throws {
        try await database.raw("""
            INSERT INTO anomaly_alerts (alert_id, rule_id, kind, actor, role, observed, baseline, window_seconds, raised_at, suspended)
            VALUES (\(bind: row.id), \(bind: row.ruleID), \(bind: row.kind), \(bind: row.actor), \(bind: row.role), \(bind: row.observed), \(bind: row.baseline),
                    \(bind: row.windowSeconds), \(bind: row.raisedAt.storedMilliseconds), \(bind: row.suspended ? 1 : 0))
            """).run()
        if let suspension {
            try await database.raw("""
                INSERT INTO actor_suspensions (actor, alert_id, rule_id, reason, suspended_at) VALUES (\(bind: suspension.actor), \(bind: suspension.alertID), \(bind: suspension.ruleID), \(bind: suspension.reason), \(bind: suspension.suspendedAt.storedMilliseconds))
                ON CONFLICT (actor) DO UPDATE SET alert_id = excluded.alert_id, rule_id = excluded.rule_id, reason = excluded.reason, suspended_at = excluded.suspended_at, lifted_at = NULL, lifted_by = NULL
                """).run()
        }
    }

    /// Alerts, most recent first, up to `limit`.
    public func alerts(limit: Int = 1000) async throws -> [AnomalyAlertRow] {
        try await database.raw("SELECT alert_id, rule_id, kind, actor, role, observed, baseline, window_seconds, raised_at, suspended FROM anomaly_alerts ORDER BY raised_at DESC, alert_id LIMIT \(bind: limit)").all().map { row in
            AnomalyAlertRow(
                id: try row.decode(column: "alert_id", as: String.self),
                ruleID: try row.decode(column: "rule_id", as: String.self),
                kind: try row.decode(column: "kind", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                role: try row.decode(column: "role", as: String.self),
                observed: try row.decode(column: "observed", as: Int.self),
                baseline: try row.decode(column: "baseline", as: Int.self),
                windowSeconds: try row.decode(column: "window_seconds", as: Int.self),
                raisedAt: Date(storedMilliseconds: try row.decode(column: "raised_at", as: Int64.self)),
                suspended: try row.decode(column: "suspended", as: Int.self) != 0)
        }
    }

    /// Actors suspended now (not lifted).
    public func suspensions() async throws -> [SuspensionRow] {
        try await database.raw("SELECT actor, alert_id, rule_id, reason, suspended_at FROM actor_suspensions WHERE lifted_at IS NULL ORDER BY suspended_at").all().map { row in
            SuspensionRow(
                actor: try row.decode(column: "actor", as: String.self),
                alertID: try row.decode(column: "alert_id", as: String.self),
                ruleID: try row.decode(column: "rule_id", as: String.self),
                reason: try row.decode(column: "reason", as: String.self),
                suspendedAt: Date(storedMilliseconds: try row.decode(column: "suspended_at", as: Int64.self)))
        }
    }

    /// Lifts an actor's suspension; false when it was not suspended.
    public func liftSuspension(actor: String, by administrator: String, at date: Date) async throws -> Bool {
        let live = try await database.raw("SELECT actor FROM actor_suspensions WHERE actor = \(bind: actor) AND lifted_at IS NULL").first() != nil
        guard live else { return false }
        try await database.raw("UPDATE actor_suspensions SET lifted_at = \(bind: date.storedMilliseconds), lifted_by = \(bind: administrator) WHERE actor = \(bind: actor)").run()
        return true
    }

    // MARK: Processing report (Art. 54)

    /// Distinct subjects with at least one record, per purpose.
    public func subjectCountsByPurpose() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await database.raw("SELECT purpose, COUNT(DISTINCT subject_id) AS n FROM records GROUP BY purpose").all() {
            counts[try row.decode(column: "purpose", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Consents per purpose: live and withdrawn.
    public func consentCountsByPurpose() async throws -> [String: (live: Int, withdrawn: Int)] {
        var counts: [String: (live: Int, withdrawn: Int)] = [:]
        for row in try await database.raw("SELECT purpose, SUM(CASE WHEN withdrawn_at IS NULL THEN 1 ELSE 0 END) AS live, SUM(CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END) AS withdrawn FROM consents GROUP BY purpose").all() {
            counts[try row.decode(column: "purpose", as: String.self)] = (try row.decode(column: "live", as: Int.self), try row.decode(column: "withdrawn", as: Int.self))
        }
        return counts
    }

    /// Rights requests not yet completed or refused, per type.
    public func openRequestCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await database.raw("SELECT type, COUNT(*) AS n FROM rights_requests WHERE status NOT IN ('completed', 'refused') GROUP BY type").all() {
            counts[try row.decode(column: "type", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// How many subjects exist and are not erased.
    public func liveSubjectCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM subjects WHERE erased_at IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
