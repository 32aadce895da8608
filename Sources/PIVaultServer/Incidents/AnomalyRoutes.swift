import Foundation
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

/// `/v1/anomaly` (PIPL Art. 51, 57): alerts raised on the access stream, the
/// tokens they suspended, and lifting a suspension (administrators only).
struct AnomalyRoutes: Sendable {
    let vault: Vault
    let metrics: ServerMetrics

    /// Mounts the routes and counts every alert in `/metrics`.
    func add(to group: RouterGroup<VaultRequestContext>) {
        let metrics = self.metrics
        vault.alerts.addObserver(key: "server-metrics") { alert in
            metrics.recordAnomaly(rule: alert.ruleID, kind: alert.kind, suspended: alert.suspended)
        }
        group.get("anomaly/alerts", use: alerts)
        group.get("anomaly/suspensions", use: suspensions)
        group.delete("anomaly/suspensions/:actor", use: lift)
    }

    @Sendable func alerts(_ request: Request, context: VaultRequestContext) async throws -> AlertList {
        _ = try OversightRoles.require(context, to: "see anomaly alerts")
        var limit = 100
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text), (1...10_000).contains(value) else { throw Problem.invalidParameter("limit", "limit must be a whole number from 1 to 10000") }
            limit = value
        }
        return AlertList(alerts: try await vault.anomalyAlerts(limit: limit))
    }

    @Sendable func suspensions(_ request: Request, context: VaultRequestContext) async throws -> SuspensionList {
        _ = try OversightRoles.require(context, to: "see suspended tokens")
        return SuspensionList(suspensions: try await vault.suspensions())
    }

    @Sendable func lift(_ request: Request, context: VaultRequestContext) async throws -> SuspensionList {
        let principal = try context.requirePrincipal()
        guard principal.role.administrator else {
            throw Problem.forbidden("only an administrator role may lift a suspension; role '\(principal.role.id)' is not one")
        }
        try await vault.liftSuspension(actor: try VaultRoutes.pathParameter("actor", context), by: principal.tokenID)
        return SuspensionList(suspensions: try await vault.suspensions())
    }
}

/// Alerts as served.
struct AlertList: ResponseEncodable, Sendable {
    var alerts: [AnomalyAlertRow]
}

/// Suspensions as served.
struct SuspensionList: ResponseEncodable, Sendable {
    var suspensions: [SuspensionRow]
}
