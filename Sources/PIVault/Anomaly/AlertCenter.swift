import Foundation
import PIVaultCore
import PIVaultStore
import Synchronization

/// The vault's anomaly alerting: the in-memory monitor, the actors suspended
/// now, whoever observes alerts (the server's metrics), and where alerts are
/// posted. Suspensions are kept in memory too, so refusing a suspended actor
/// costs one dictionary lookup.
public final class AlertCenter: Sendable {
    /// Called for every alert raised; must be quick (it runs on the read path).
    public typealias Observer = @Sendable (AnomalyAlertRow) -> Void

    let monitor: AnomalyMonitor
    private let suspended = Mutex<[String: SuspensionRow]>([:])
    private let observers = Mutex<[String: Observer]>([:])
    private let transport = Mutex<Webhook.Transport>(Webhook.post)
    private let deliveries = Mutex<[Task<Void, Never>]>([])

    init(policy: AnomalyPolicy) {
        monitor = AnomalyMonitor(policy: policy)
    }

    /// The rules evaluated.
    public var policy: AnomalyPolicy { monitor.policy }

    /// Registers `observer` under `key`, replacing an earlier one with that key.
    public func addObserver(key: String, _ observer: @escaping Observer) {
        observers.withLock { $0[key] = observer }
    }

    /// Replaces how alerts are posted to the configured webhook (tests record instead of posting).
    public func setWebhookTransport(_ newTransport: @escaping Webhook.Transport) {
        transport.withLock { $0 = newTransport }
    }

    /// The suspension of `actor`, if it is suspended now.
    public func suspension(of actor: String) -> SuspensionRow? {
        suspended.withLock { $0[actor] }
    }

    /// Waits until every alert webhook started so far has finished.
    public func waitForDeliveries() async {
        let pending = deliveries.withLock { tasks -> [Task<Void, Never>] in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in pending { await task.value }
    }

    func load(_ rows: [SuspensionRow]) {
        suspended.withLock { map in for row in rows { map[row.actor] = row } }
    }

    /// Replaces the suspensions with those stored, keeping ones raised here in the last `grace`
    /// seconds that may not be stored yet.
    func replace(with rows: [SuspensionRow], now: Date, grace: TimeInterval = 30) {
        suspended.withLock { map in
            let recent = map.values.filter { now.timeIntervalSince($0.suspendedAt) < grace }
            map = Dictionary(rows.map { ($0.actor, $0) }, uniquingKeysWith: { _, last in last })
            for row in recent where map[row.actor] == nil { map[row.actor] = row }
        }
    }

    func suspend(_ row: SuspensionRow) {
        suspended.withLock { $0[row.actor] = row }
    }

    func lift(_ actor: String) {
        _ = suspended.withLock { $0.removeValue(forKey: actor) }
    }

    func notify(_ alert: AnomalyAlertRow) {
        for observer in observers.withLock({ Array($0.values) }) { observer(alert) }
    }

    /// Posts the alert to the configured webhook in the background, so the read that raised it is not held up.
    func post(_ alert: AnomalyAlertRow, onFailure: @escaping @Sendable (String?) -> Void) {
        guard let url = policy.webhook, let body = try? Webhook.encoder.encode(alert) else { return }
        let hook = Webhook(url: url, transport: transport.withLock { $0 })
        let task = Task {
            let outcome = await hook.deliver(body)
            if !outcome.delivered { onFailure(outcome.error) }
        }
        deliveries.withLock { tasks in
            tasks.removeAll { $0.isCancelled }
            if tasks.count > 1000 { tasks.removeFirst(tasks.count - 1000) }
            tasks.append(task)
        }
    }
}
