/// An error from reading a table or anonymising it.
///
/// The message says what was wrong and what to do; it names columns and line
/// numbers but never carries a cell value, because cells are personal data.
public struct AnonymityError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case notUTF8, raggedRow, malformedCSV, emptyTable, unknownColumn, duplicateColumn
            case invalidParameter, unsatisfiable, invalidHierarchy, invalidValue, io
        }
        private let base: Base
        /// The input is not valid UTF-8 (binary or another encoding).
        public static let notUTF8 = Code(base: .notUTF8)
        /// A row has a different number of fields than the header.
        public static let raggedRow = Code(base: .raggedRow)
        /// Quoting is broken (e.g. an unterminated quoted field).
        public static let malformedCSV = Code(base: .malformedCSV)
        /// The table has no header or no data rows.
        public static let emptyTable = Code(base: .emptyTable)
        /// A named column is not in the header.
        public static let unknownColumn = Code(base: .unknownColumn)
        /// A column name appears twice in the header or in two roles.
        public static let duplicateColumn = Code(base: .duplicateColumn)
        /// A parameter is out of range (k, l, suppression limit).
        public static let invalidParameter = Code(base: .invalidParameter)
        /// No generalisation can meet the privacy model.
        public static let unsatisfiable = Code(base: .unsatisfiable)
        /// A hierarchy file or definition is malformed.
        public static let invalidHierarchy = Code(base: .invalidHierarchy)
        /// A cell does not fit its column's hierarchy.
        public static let invalidValue = Code(base: .invalidValue)
        /// Reading or writing a file failed.
        public static let io = Code(base: .io)
        /// The code's stable name.
        public var description: String { base.rawValue }
    }

    /// The error category.
    public var code: Code
    /// What was wrong and what to do; never contains a cell value.
    public var message: String
    /// The 1-based physical line of the input where the problem starts, if known.
    public var line: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    /// `code: message (line N)`.
    public var description: String {
        if let line { return "\(code): \(message) (line \(line))" }
        return "\(code): \(message)"
    }
}
