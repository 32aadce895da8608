import SQLKit

/// The SQL dialect family an engine speaks, for the few statements that differ.
public enum DatabaseDialect: String, Sendable {
    case sqlite, postgres

    /// The column type for binary data.
    var blobType: String { self == .sqlite ? "BLOB" : "BYTEA" }
}

/// A database the store runs on: one way to run a query, one way to run a transaction.
public protocol DatabaseEngine: Sendable {
    /// The dialect.
    var dialect: DatabaseDialect { get }
    /// A description safe to print (no password).
    var displayName: String { get }
    /// Runs `body` with a database handle.
    func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` inside one transaction: committed if it returns, rolled back if it throws.
    func withTransaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` with a handle for queries that only read; engines may serve these in parallel.
    func withReader<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes connections. The engine is unusable afterwards.
    func close() async throws
}

extension DatabaseEngine {
    /// By default reads share the ordinary path.
    public func withReader<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withDatabase(body)
    }
}
