import Prometheus

/// The server's Prometheus metrics. Labels are route templates, methods,
/// status codes and decision outcomes only — never a subject id, a token or
/// a personal value.
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()

    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Creates the metrics.
    public init() {}

    /// Records one handled request.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let method = Self.knownMethods.contains(method) ? method : "OTHER"
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests by route template, method and status."),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "HTTP request latency by route template and method."),
            labels: [("route", route), ("method", method)],
            buckets: Self.buckets
        ).record(duration)
    }

    /// Records one access decision by outcome (`permit`, `partial`, `deny`).
    func recordDecision(outcome: String) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "access", metricName: "decisions", unitName: "total", helpText: "Purpose-bound read decisions by outcome."),
            labels: [("outcome", outcome)]
        ).increment()
    }

    /// Records one collected record.
    func recordCollection() {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "pivault", subsystem: "records", metricName: "collected", unitName: "total", helpText: "Records collected.")
        ).increment()
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
