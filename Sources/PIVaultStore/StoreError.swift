/// An error of the storage layer: the database could not be reached, is
/// locked, or its schema is not what this version expects.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A stable, extensible error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable { case unavailable, locked, schema, invalidURL, notFound }
        private let base: Base
        /// The database cannot be opened or reached.
        public static let unavailable = Code(base: .unavailable)
        /// Another process holds the database locked.
        public static let locked = Code(base: .locked)
        /// The schema is newer than this build, or a migration failed.
        public static let schema = Code(base: .schema)
        /// The database URL is malformed.
        public static let invalidURL = Code(base: .invalidURL)
        /// A row that must exist does not.
        public static let notFound = Code(base: .notFound)
        /// The stable spelling.
        public var description: String { base.rawValue }
    }

    /// The code.
    public var code: Code
    /// What happened and what to do. Never includes bound values.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
