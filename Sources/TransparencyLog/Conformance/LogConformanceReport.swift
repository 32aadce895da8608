/// The outcome of running vector files: counts and one line per failure.
public struct LogConformanceReport: Sendable, Hashable {
    /// One vector that did not behave as its file expects.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The file, relative to the directory that was run.
        public var file: String
        /// The vector within the file (its `desc`, or the case number).
        public var vector: String
        /// What was expected and what happened.
        public var detail: String

        /// `FAIL <file> [<vector>]: <detail>`.
        public var description: String { "FAIL \(file) [\(vector)]: \(detail)" }
    }

    /// Vectors that behaved as expected.
    public var passed = 0
    /// Vectors that did not.
    public var failures: [Failure] = []
    /// JSON files found that are not in a known vector layout, relative paths.
    public var unrecognizedFiles: [String] = []

    /// An empty report.
    public init() {}

    /// The number of failed vectors.
    public var failed: Int { failures.count }

    /// `N passed, M failed`.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    mutating func record(file: String, vector: String, expectError: Bool, outcome: Result<Void, any Error>) {
        switch (outcome, expectError) {
        case (.success, false), (.failure, true):
            passed += 1
        case (.success, true):
            failures.append(Failure(file: file, vector: vector, detail: "expected an error, but it verified"))
        case (.failure(let error), false):
            failures.append(Failure(file: file, vector: vector, detail: "expected success, but: \(error)"))
        }
    }
}
