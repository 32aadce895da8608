import Logging
import Synchronization

/// A log handler that keeps every message and its metadata, so tests can
/// prove no personal data reaches the logs.
public final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])

    /// Creates an empty capture.
    public init() {}

    /// Every line captured so far: level, label, message and metadata.
    public var all: [String] { lines.withLock { $0 } }

    /// A logger at trace level whose every message is captured here.
    public func logger(label: String = "test") -> Logger {
        var logger = Logger(label: label) { label in Handler(store: self, label: label) }
        logger.logLevel = .trace
        return logger
    }

    /// Captures one line.
    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// The handler behind ``logger(label:)``.
    public struct Handler: LogHandler {
        let store: CapturedLogs
        let label: String
        /// Metadata set on the logger.
        public var metadata: Logger.Metadata = [:]
        /// Always trace: every message is captured.
        public var logLevel: Logger.Level = .trace

        /// Metadata by key.
        public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        /// Captures the message with its merged metadata, and the error when one is attached.
        public func log(event: Logging.LogEvent) {
            var merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
            if let error = event.error { merged["error"] = "\(error)" }
            store.append("\(event.level) \(label) \(event.message) \(merged)")
        }
    }
}
