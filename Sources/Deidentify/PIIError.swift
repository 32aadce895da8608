/// An error of detection, redaction or evaluation.
///
/// The message says what was wrong and what to do; it names lines, columns and fields,
/// never the personal values themselves.
public struct PIIError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidInput, binaryInput, invalidEncoding, raggedRow, unknownColumn, invalidKey, ioFailure, invalidArgument
        }
        private let base: Base
        /// Input that cannot be processed as the chosen format.
        public static let invalidInput = Code(base: .invalidInput)
        /// Input that holds binary data (NUL bytes).
        public static let binaryInput = Code(base: .binaryInput)
        /// Input that is not valid UTF-8.
        public static let invalidEncoding = Code(base: .invalidEncoding)
        /// A CSV row whose field count differs from the header's.
        public static let raggedRow = Code(base: .raggedRow)
        /// A column name that is not in the header.
        public static let unknownColumn = Code(base: .unknownColumn)
        /// A pseudonym key that is missing, unreadable or too short.
        public static let invalidKey = Code(base: .invalidKey)
        /// A file that cannot be read, written or renamed.
        public static let ioFailure = Code(base: .ioFailure)
        /// An option value that makes no sense.
        public static let invalidArgument = Code(base: .invalidArgument)
        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What kind of error.
    public var code: Code
    /// What was wrong and what to do.
    public var message: String
    /// One-based input line, where known.
    public var line: Int?

    /// Creates an error.
    public init(code: Code, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    /// `code: message` with the line when known.
    public var description: String {
        if let line { return "\(code) at line \(line): \(message)" }
        return "\(code): \(message)"
    }
}
