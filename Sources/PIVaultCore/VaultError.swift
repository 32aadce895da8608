/// An error of the vault's domain, with a stable code, a message that says
/// what was wrong and what to do, and the field path where there is one.
/// Messages never contain personal data: only ids, field paths and rules.
public struct VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, extensible error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidInput, invalidConfiguration, denied, notFound, erased, conflict
            case integrity, keyMismatch, storageUnavailable, unsupported
        }
        private let base: Base
        /// The input does not satisfy a rule (schema, format, checksum).
        public static let invalidInput = Code(base: .invalidInput)
        /// The configuration has problems.
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// The law or the configuration forbids the operation.
        public static let denied = Code(base: .denied)
        /// The thing named does not exist.
        public static let notFound = Code(base: .notFound)
        /// The subject was erased; their data no longer exists.
        public static let erased = Code(base: .erased)
        /// The operation conflicts with the current state.
        public static let conflict = Code(base: .conflict)
        /// Stored data failed its integrity check.
        public static let integrity = Code(base: .integrity)
        /// The master key does not belong to this vault.
        public static let keyMismatch = Code(base: .keyMismatch)
        /// The database cannot be reached or is locked.
        public static let storageUnavailable = Code(base: .storageUnavailable)
        /// The operation is not supported in this setup.
        public static let unsupported = Code(base: .unsupported)
        /// The code's stable spelling, e.g. `invalidInput`.
        public var description: String { base.rawValue }
    }

    /// The code.
    public var code: Code
    /// What happened and what to do; never a personal value.
    public var message: String
    /// The offending field path (`resident_id`), never its value.
    public var fieldPath: String?
    /// The article or rule that applies, where one does.
    public var article: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, fieldPath: String? = nil, article: String? = nil) {
        self.code = code
        self.message = message
        self.fieldPath = fieldPath
        self.article = article
    }

    /// `code: message (article)`.
    public var description: String {
        var text = "\(code): \(message)"
        if let article { text += " (\(article))" }
        return text
    }
}
