import Foundation

/// The anomaly rules evaluated on the access stream (PIPL Art. 51, 57): what
/// counts as unusual for an actor, when work happens, and where alerts go.
public struct AnomalyPolicy: Sendable, Hashable {
    /// The rules, in configuration order; empty disables detection.
    public var rules: [AnomalyRule]
    /// The time zone working hours are judged in.
    public var timeZone: TimeZone
    /// Working hours: minutes after local midnight, start inclusive, end exclusive.
    public var workingMinutes: Range<Int>
    /// Where alerts are posted, if anywhere.
    public var webhook: URL?

    /// Creates a policy; by default no rules, working hours 08:00–20:00 in Beijing time.
    public init(rules: [AnomalyRule] = [], timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt,
                workingMinutes: Range<Int> = 480..<1200, webhook: URL? = nil) {
        self.rules = rules
        self.timeZone = timeZone
        self.workingMinutes = workingMinutes
        self.webhook = webhook
    }

    /// Parses `HH:MM-HH:MM` into minutes after midnight, or nil.
    public static func parseWorkingHours(_ text: String) -> Range<Int>? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else { return nil }
        return start..<end
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes) else { return nil }
        let total = hours * 60 + minutes
        return total <= 1440 ? total : nil
    }
}

/// One anomaly rule.
public struct AnomalyRule: Sendable, Hashable {
    /// What the rule watches.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An actor reads more distinct subjects within the window than its baseline.
        case distinctSubjects = "distinct-subjects"
        /// An actor reads outside working hours.
        case outsideHours = "outside-hours"
        /// An actor is denied more often within the window than its baseline.
        case repeatedDenials = "repeated-denials"
        /// An actor exports (transfers to recipients) more subjects within the window than its baseline.
        case bulkExport = "bulk-export"
    }

    /// Stable identifier, e.g. `many-subjects`.
    public var id: String
    /// What it watches.
    public var kind: Kind
    /// The sliding window, in seconds (unused by `outside-hours`).
    public var window: Int
    /// How many events within the window are normal; one more raises an alert.
    public var baseline: Int
    /// Baselines for actors in particular roles, where their normal differs (a tracing team reads more).
    public var roleBaselines: [String: Int]
    /// Whether a hit suspends the actor's API token.
    public var suspend: Bool

    /// Creates a rule.
    public init(id: String, kind: Kind, window: Int = 3600, baseline: Int = 0, roleBaselines: [String: Int] = [:], suspend: Bool = false) {
        self.id = id
        self.kind = kind
        self.window = window
        self.baseline = baseline
        self.roleBaselines = roleBaselines
        self.suspend = suspend
    }

    /// The baseline of an actor acting in `role`.
    public func baseline(for role: String) -> Int { roleBaselines[role] ?? baseline }

    /// Parses a window such as `30s`, `10m`, `1h` or `1d` into seconds.
    public static func parseWindow(_ text: String) -> Int? {
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86400
        default: return nil
        }
    }
}
