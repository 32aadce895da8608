import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Refuses an actor an anomaly rule suspended (PIPL Art. 51).
    ///
    /// - Throws: ``VaultError`` `denied`, naming the rule and how to lift it.
    public func requireNotSuspended(_ actor: Actor) throws {
        guard let suspension = alerts.suspension(of: actor.id) else { return }
        throw VaultError(.denied, "actor \(actor.id) is suspended since \(ISODate.formatDateTime(suspension.suspendedAt)) by anomaly rule '\(suspension.ruleID)' (\(suspension.reason)); an administrator can lift it with `pivault anomaly lift \(actor.id)`", article: "PIPL Art. 51")
    }

    /// Shows the anomaly rules one read or transfer and raises an alert for each rule it trips.
    func observeAccess(_ actor: Actor, subjectID: String?, denied: Bool, export: Bool, at time: Date) async {
        guard alerts.monitor.isActive, actor.id != Self.systemActor.id else { return }
        let hits = alerts.monitor.observe(.init(actor: actor, subject: subjectID, denied: denied, export: export, time: time))
        for hit in hits { await raise(hit, actor: actor, at: time) }
    }

    /// Shows the anomaly rules a request refused before it reached the vault's
    /// policy (a role not granted the purpose, for instance), so repeated denials count wherever they happen.
    public func observeDenial(_ actor: Actor, subjectID: String? = nil) async {
        await observeAccess(actor, subjectID: subjectID, denied: true, export: false, at: clock.now())
    }

    /// Raises one alert: a structured log line, the observers (metrics), a
    /// stored row, a transparency-log event, the webhook, and — when the rule
    /// says so — the actor's suspension, effective at once.
    func raise(_ hit: AnomalyMonitor.Hit, actor: Actor, at time: Date) async {
        let rule = hit.rule
        let row = AnomalyAlertRow(id: Identifiers.random(prefix: "alr"), ruleID: rule.id, kind: rule.kind.rawValue, actor: actor.id, role: actor.role,
                                  observed: hit.observed, baseline: hit.baseline, windowSeconds: rule.window, raisedAt: time, suspended: rule.suspend)
        let suspension = rule.suspend
            ? SuspensionRow(actor: actor.id, alertID: row.id, ruleID: rule.id, reason: Self.alertReason(row), suspendedAt: time) : nil
        if let suspension { alerts.suspend(suspension) }
        logger.warning("anomaly alert", metadata: [
            "alert": "\(row.id)", "rule": "\(rule.id)", "kind": "\(rule.kind.rawValue)", "actor": "\(actor.id)", "role": "\(actor.role)",
            "observed": "\(hit.observed)", "baseline": "\(hit.baseline)", "window": "\(rule.window)s", "suspended": "\(rule.suspend)",
        ])
        alerts.notify(row)
        do {
            try await store.write { try await $0.insertAlert(row, suspension: suspension) }
            try await logEvents([LogEvent(kind: .anomalyAlert, time: time, actor: actor.id, role: actor.role, purpose: nil, fields: [],
                                          decision: rule.suspend ? "suspend" : "recorded", subject: nil, detail: "\(rule.id):\(hit.observed)>\(hit.baseline)")])
        } catch {
            logger.error("anomaly alert could not be stored", metadata: ["alert": "\(row.id)", "error": "\(error)"])
        }
        let logger = self.logger
        alerts.post(row) { error in
            logger.error("anomaly alert webhook failed", metadata: ["alert": "\(row.id)", "error": "\(error ?? "unknown")"])
        }
    }

    static func alertReason(_ row: AnomalyAlertRow) -> String {
        switch AnomalyRule.Kind(rawValue: row.kind) {
        case .distinctSubjects: "read \(row.observed) distinct subjects within \(row.windowSeconds)s, baseline \(row.baseline)"
        case .repeatedDenials: "denied \(row.observed) times within \(row.windowSeconds)s, baseline \(row.baseline)"
        case .bulkExport: "exported \(row.observed) times within \(row.windowSeconds)s, baseline \(row.baseline)"
        case .outsideHours: "read outside working hours"
        case nil: "rule \(row.ruleID) tripped"
        }
    }

    /// Alerts raised, most recent first.
    public func anomalyAlerts(limit: Int = 1000) async throws -> [AnomalyAlertRow] {
        try await store.read { try await $0.alerts(limit: limit) }
    }

    /// Actors suspended now.
    public func suspensions() async throws -> [SuspensionRow] {
        try await store.read { try await $0.suspensions() }
    }

    /// Lifts an actor's suspension (an administrator's decision after review).
    ///
    /// - Throws: ``VaultError`` `notFound` when the actor is not suspended.
    public func liftSuspension(actor: String, by administrator: String) async throws {
        let now = clock.now()
        guard try await store.write({ try await $0.liftSuspension(actor: actor, by: administrator, at: now) }) else {
            throw VaultError(.notFound, "actor \(actor) is not suspended; list suspensions with `pivault anomaly suspensions`")
        }
        alerts.lift(actor)
        logger.notice("suspension lifted", metadata: ["actor": "\(actor)", "by": "\(administrator)"])
    }

    /// Reloads the suspensions from the store, taking in those raised or lifted by other
    /// processes sharing the database; the server calls it every few seconds.
    public func refreshSuspensions() async throws {
        let rows = try await store.read { try await $0.suspensions() }
        alerts.replace(with: rows, now: clock.now())
    }

    /// Loads the suspensions stored by earlier runs into memory.
    func loadSuspensions() async throws {
        alerts.load(try await store.read { try await $0.suspensions() })
    }
}
