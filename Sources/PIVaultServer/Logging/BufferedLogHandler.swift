import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A log handler in the layout of swift-log's `StreamLogHandler`
/// (`timestamp level label: metadata [source] message`) that writes through
/// a ``LogOutput``, so request logging costs no system call per line.
public struct BufferedLogHandler: LogHandler {
    /// The level below which messages are dropped.
    public var logLevel: Logger.Level = .info
    /// Metadata every message of this handler carries.
    public var metadata: Logger.Metadata = [:]
    /// Metadata added at each message from the task's context.
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: LogOutput

    /// A handler for `label` writing to `output`.
    public init(label: String, output: LogOutput = .standardError) {
        self.label = label
        self.output = output
    }

    /// Reads or sets one metadata item.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats the event and hands it to the output; warnings and worse are written at once.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata {
            if merged.isEmpty { merged = explicit } else { merged.merge(explicit) { _, new in new } }
        }
        if let error = event.error { merged["error"] = "\(error)" }
        // Every request logs a line, so it is built by appending, keys sorted once.
        var line = Self.timestamp()
        line.reserveCapacity(line.utf8.count + label.utf8.count + event.source.utf8.count + 32 * (merged.count + 1))
        line += " "
        line += event.level.rawValue
        line += " "
        line += label
        line += ":"
        for key in merged.keys.sorted() {
            line += " "
            line += key
            line += "="
            line += merged[key]!.description
        }
        line += " ["
        line += event.source
        line += "] "
        line += event.message.description
        line += "\n"
        output.write(line, urgent: event.level >= .warning)
    }

    /// The current UTC time as ISO 8601 with milliseconds.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milliseconds = now.tv_nsec / 1_000_000
        let fraction = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
