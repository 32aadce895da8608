import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLite, embedded: one file, WAL journal, one connection shared in turns.
public final class SQLiteEngine: DatabaseEngine {
    /// The dialect.
    public let dialect = DatabaseDialect.sqlite
    /// The file, for messages.
    public let displayName: String
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let lock = AsyncLock()

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, logger: Logger) async throws -> SQLiteEngine {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database at \(path): \(error); check that the folder exists and is writable")
        }
        let engine = SQLiteEngine(connection: connection, path: path)
        do {
            try await engine.database.raw("PRAGMA busy_timeout = 5000").run()
            try await engine.database.raw("PRAGMA journal_mode = WAL").run()
            try await engine.database.raw("PRAGMA synchronous = NORMAL").run()
            try await engine.database.raw("PRAGMA foreign_keys = ON").run()
        } catch {
            try? await connection.close()
            throw StoreError.translate(error, engine: "SQLite database at \(path)")
        }
        return engine
    }

    /// An in-memory database, for tests.
    public static func inMemory(logger: Logger) async throws -> SQLiteEngine {
        let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
        return SQLiteEngine(connection: connection, path: ":memory:")
    }

    private init(connection: SQLiteConnection, path: String) {
        self.connection = connection
        // Statements are never logged: bound values may be personal data or ciphertexts.
        self.database = connection.sql(queryLogLevel: nil)
        self.displayName = "sqlite:\(path)"
    }

    /// Runs `body` with the connection, in turn with other callers.
    public func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let database = self.database
        return try await lock.withLock {
            do { return try await body(database) } catch { throw StoreError.translate(error, engine: "SQLite") }
        }
    }

    /// Runs `body` in an immediate transaction, in turn with other callers.
    public func withTransaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let database = self.database
        return try await lock.withLock {
            do {
                try await database.raw("BEGIN IMMEDIATE").run()
            } catch {
                throw StoreError.translate(error, engine: "SQLite")
            }
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw StoreError.translate(error, engine: "SQLite")
            }
        }
    }

    /// Closes the connection.
    public func close() async throws {
        try await lock.withLock { try await self.connection.close() }
    }
}
