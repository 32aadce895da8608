import Prometheus
import Synchronization

/// The server's Prometheus metrics. Labels are route templates, methods,
/// status codes and decision outcomes only — never a subject id, a token or
/// a personal value.
///
/// Every request records two instruments; each is looked up in the registry
/// once per label set and kept, because the registry's own lookup builds the
/// metric's name and label list again at every call (5% of a trivial request's
/// CPU). Label sets are few: route templates × methods × statuses.
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry

    private struct RequestLabels: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private let requestInstruments = Mutex<[RequestLabels: (count: Counter, duration: DurationHistogram)]>([:])
    private let decisionCounters = Mutex<[String: Counter]>([:])
    private let collected: Counter

    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Creates the metrics.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        collected = registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "records", metricName: "collected", unitName: "total", helpText: "Records collected."))
    }

    /// Records one handled request.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let labels = RequestLabels(route: route, method: Self.knownMethods.contains(method) ? method : "OTHER", status: status)
        let instruments = requestInstruments.withLock { $0[labels] } ?? makeRequestInstruments(labels)
        instruments.count.increment()
        instruments.duration.record(duration)
    }

    private func makeRequestInstruments(_ labels: RequestLabels) -> (count: Counter, duration: DurationHistogram) {
        let made = (
            count: registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests by route template, method and status."),
                labels: [("route", labels.route), ("method", labels.method), ("status", String(labels.status))]),
            duration: registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "HTTP request latency by route template and method."),
                labels: [("route", labels.route), ("method", labels.method)],
                buckets: Self.buckets))
        // The registry returns the same instruments for the same labels, so a race here only stores them twice.
        requestInstruments.withLock { $0[labels] = made }
        return made
    }

    /// Records one access decision by outcome (`permit`, `partial`, `deny`).
    func recordDecision(outcome: String) {
        let counter = decisionCounters.withLock { $0[outcome] } ?? {
            let made = registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "access", metricName: "decisions", unitName: "total", helpText: "Purpose-bound read decisions by outcome."),
                labels: [("outcome", outcome)])
            decisionCounters.withLock { $0[outcome] = made }
            return made
        }()
        counter.increment()
    }

    /// Records one collected record.
    func recordCollection() {
        collected.increment()
    }

    /// Records one anomaly alert by rule and kind (PIPL Art. 51, 57); never the actor.
    func recordAnomaly(rule: String, kind: String, suspended: Bool) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "anomaly", metricName: "alerts", unitName: "total", helpText: "Anomaly alerts raised on the access stream, by rule and kind."),
            labels: [("rule", rule), ("kind", kind), ("suspended", suspended ? "true" : "false")]
        ).increment()
    }

    /// The Prometheus text exposition.
    public func render() -> String { registry.emitToString() }
}
