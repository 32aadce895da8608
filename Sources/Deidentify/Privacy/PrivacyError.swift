/// An error from a differential-privacy query or its budget ledger.
///
/// Messages name parameters, datasets and columns, never a cell value.
public struct PrivacyError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidParameter, budgetExhausted, ledgerUnavailable, invalidInput, parameterOutOfRange
        }
        private let base: Base
        /// ε, δ, bounds or the mechanism are not acceptable.
        public static let invalidParameter = Code(base: .invalidParameter)
        /// The dataset's budget cannot pay for the query.
        public static let budgetExhausted = Code(base: .budgetExhausted)
        /// The ledger file cannot be read, locked or written.
        public static let ledgerUnavailable = Code(base: .ledgerUnavailable)
        /// The table does not fit the query (unknown column, non-numeric value).
        public static let invalidInput = Code(base: .invalidInput)
        /// The noise scale is beyond what the exact sampler can represent.
        public static let parameterOutOfRange = Code(base: .parameterOutOfRange)
        /// The code's stable name.
        public var description: String { base.rawValue }
    }

    /// The error category.
    public var code: Code
    /// What was wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
