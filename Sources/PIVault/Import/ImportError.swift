/// A problem with one line of an import file. Names the line and the rule, never the value.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number (0 when the problem is with the file itself).
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
