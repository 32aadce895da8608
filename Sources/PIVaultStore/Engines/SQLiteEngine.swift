import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite, embedded: one file in WAL mode, one writer connection shared in
/// turns, and a few read-only connections that serve reads in parallel
/// (WAL lets readers proceed while the writer commits).
public final class SQLiteEngine: DatabaseEngine {
    /// The dialect.
    public let dialect = DatabaseDialect.sqlite
    /// The file, for messages.
    public let displayName: String
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let lock = AsyncLock()
    private let readers: [(connection: SQLiteConnection, database: any SQLDatabase, lock: AsyncLock)]
    private let nextReader = Mutex(0)
    /// Copies the write-ahead log back into the database in the background,
    /// so a commit seldom has to (see ``startCheckpoints(on:)``).
    private let checkpoints: (connection: SQLiteConnection, task: Task<Void, Never>)?

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> SQLiteEngine {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database at \(path): \(error); check that the folder exists and is writable")
        }
        var readers: [SQLiteConnection] = []
        var checkpointer: SQLiteConnection?
        do {
            let database = connection.sql(queryLogLevel: nil)
            try await database.raw("PRAGMA busy_timeout = 5000").run()
            try await database.raw("PRAGMA journal_mode = WAL").run()
            try await database.raw("PRAGMA synchronous = NORMAL").run()
            try await database.raw("PRAGMA foreign_keys = ON").run()
            // Blind indexes and log commitments are random keys, so inserts land all over those indexes:
            // a larger page cache keeps them in memory (48 MiB; readers 16 MiB each, which bounds the server's memory).
            try await database.raw("PRAGMA cache_size = -49152").run()
            // The background checkpointer keeps the log short; a commit checkpoints itself only past 40 MB.
            try await database.raw("PRAGMA wal_autocheckpoint = 10000").run()
            try await database.raw("PRAGMA temp_store = MEMORY").run()
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                readers.append(reader)
                try await reader.sql(queryLogLevel: nil).raw("PRAGMA busy_timeout = 5000").run()
                try await reader.sql(queryLogLevel: nil).raw("PRAGMA cache_size = -16384").run()
            }
            checkpointer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            try? await connection.close()
            for reader in readers { try? await reader.close() }
            try? await checkpointer?.close()
            throw StoreError.translate(error, engine: "SQLite database at \(path)")
        }
        return SQLiteEngine(connection: connection, readers: readers, checkpointer: checkpointer, path: path)
    }

    /// An in-memory database, for tests.
    public static func inMemory(logger: Logger) async throws -> SQLiteEngine {
        let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
        return SQLiteEngine(connection: connection, readers: [], checkpointer: nil, path: ":memory:")
    }

    private init(connection: SQLiteConnection, readers: [SQLiteConnection], checkpointer: SQLiteConnection?, path: String) {
        self.connection = connection
        self.readers = readers.map { ($0, $0.sql(queryLogLevel: nil), AsyncLock()) }
        self.checkpoints = checkpointer.map { ($0, Self.startCheckpoints(on: $0)) }
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

    /// Runs `body` on one of the read-only connections (the writer when there are none).
    public func withReader<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard !readers.isEmpty else { return try await withDatabase(body) }
        let index = nextReader.withLock { value -> Int in
            value = (value + 1) % readers.count
            return value
        }
        let reader = readers[index]
        let database = reader.database
        return try await reader.lock.withLock {
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

    /// Every quarter second, a passive checkpoint on a connection of its own:
    /// it copies committed pages back into the database file without waiting
    /// for (or blocking) readers and the writer, so commits — and the reads
    /// that wait on the transparency log's commits — rarely pay for it.
    private static func startCheckpoints(on connection: SQLiteConnection) -> Task<Void, Never> {
        let database = connection.sql(queryLogLevel: nil)
        return Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                if Task.isCancelled { break }
                _ = try? await database.raw("PRAGMA wal_checkpoint(PASSIVE)").all()
            }
        }
    }

    /// Closes the writer and every reader, each in turn with its users.
    ///
    /// Every connection is closed even when one fails (a connection freed
    /// open is an assertion failure in debug builds); the first error is
    /// thrown afterwards.
    public func close() async throws {
        var firstError: (any Error)?
        if let checkpoints {
            checkpoints.task.cancel()
            await checkpoints.task.value
            do { try await checkpoints.connection.close() } catch { firstError = error }
        }
        do { try await lock.withLock { try await self.connection.close() } } catch { firstError = firstError ?? error }
        for reader in readers {
            do { try await reader.lock.withLock { try await reader.connection.close() } } catch { firstError = firstError ?? error }
        }
        if let firstError { throw StoreError.translate(firstError, engine: "SQLite") }
    }
}
