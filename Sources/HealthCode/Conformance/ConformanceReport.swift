/// The outcome of a conformance run.
public struct ConformanceReport: Sendable {
    /// One reported line: a failure or a skip.
    public struct Line: Sendable, Hashable, CustomStringConvertible {
        /// The vector's path relative to the run's directory.
        public var path: String
        /// The flag concerned, or `nil` for a whole-file problem.
        public var flag: ConformanceFlag?
        /// What happened.
        public var detail: String

        /// `path: FLAG: detail`.
        public var description: String { "\(path): \(flag?.rawValue ?? "FILE"): \(detail)" }
    }

    /// Checks whose outcome matched the flag.
    public var passed = 0
    /// Checks whose outcome did not match, and unreadable vectors.
    public var failures: [Line] = []
    /// Checks skipped, with the reason.
    public var skips: [Line] = []
    /// Checks of flags outside this runner's scope (picture, schema).
    public var outOfScope = 0

    /// Creates an empty report.
    public init() {}

    /// The closing line, exactly `N passed, M failed`.
    public var summary: String { "\(passed) passed, \(failures.count) failed" }
}
