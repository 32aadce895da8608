import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite, embedded: one file in WAL mode, one writer connection shared in
/// turns, and a few read-only connections that serve reads in parallel
/// (WAL lets readers proceed while the writer commits). Writer and readers
/// run their statements directly (``SQLiteDirectConnection``); only the
/// background checkpointer, which waits on the disk, uses the general driver.
public final class SQLiteEngine: DatabaseEngine {
    /// The dialect.
    public let dialect = DatabaseDialect.sqlite
    /// The file, for messages.
    public let displayName: String
    private let connection: SQLiteDirectConnection
    private let database: any SQLDatabase
    private let lock = AsyncLock()
    private let readers: SQLiteReaderPool?
    private let logger: Logger
    /// Copies the write-ahead log back into the database in the background,
    /// so a commit seldom has to (see ``startCheckpoints(on:)``).
    private let checkpoints: (connection: SQLiteConnection, task: Task<Void, Never>)?

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> SQLiteEngine {
        let connection: SQLiteDirectConnection
        do {
            connection = try SQLiteDirectConnection(path: path, readOnly: false)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database at \(path): \(error); check that the folder exists and is writable")
        }
        var readers: [SQLiteDirectConnection] = []
        var checkpointer: SQLiteConnection?
        do {
            try connection.execute("PRAGMA journal_mode = WAL")
            try connection.execute("PRAGMA synchronous = NORMAL")
            try connection.execute("PRAGMA foreign_keys = ON")
            // Blind indexes and log commitments are random keys, so inserts land all over those indexes:
            // a larger page cache keeps them in memory (48 MiB; readers 16 MiB each, which bounds the server's memory).
            try connection.execute("PRAGMA cache_size = -49152")
            // The background checkpointer keeps the log short; a commit checkpoints itself only past 40 MB.
            try connection.execute("PRAGMA wal_autocheckpoint = 10000")
            try connection.execute("PRAGMA temp_store = MEMORY")
            for _ in 0..<readerCount {
                let reader = try SQLiteDirectConnection(path: path, readOnly: true)
                readers.append(reader)
                try reader.execute("PRAGMA cache_size = -16384")
            }
            checkpointer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            connection.close()
            for reader in readers { reader.close() }
            try? await checkpointer?.close()
            throw StoreError.translate(error, engine: "SQLite database at \(path)")
        }
        return SQLiteEngine(connection: connection, readers: readers, checkpointer: checkpointer, path: path, logger: logger)
    }

    /// An in-memory database, for tests.
    public static func inMemory(logger: Logger) async throws -> SQLiteEngine {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        return SQLiteEngine(connection: connection, readers: [], checkpointer: nil, path: ":memory:", logger: logger)
    }

    private init(connection: SQLiteDirectConnection, readers: [SQLiteDirectConnection], checkpointer: SQLiteConnection?, path: String, logger: Logger) {
        self.connection = connection
        self.readers = readers.isEmpty ? nil : SQLiteReaderPool(readers)
        self.logger = logger
        self.checkpoints = checkpointer.map { ($0, Self.startCheckpoints(on: $0)) }
        self.database = SQLiteDirectDatabase(connection: connection, logger: logger)
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
        guard let readers else { return try await withDatabase(body) }
        let logger = self.logger
        return try await readers.withConnection { connection in
            do { return try await body(SQLiteDirectDatabase(connection: connection, logger: logger)) } catch { throw StoreError.translate(error, engine: "SQLite") }
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
            var pause = Duration.milliseconds(250)
            while !Task.isCancelled {
                try? await Task.sleep(for: pause)
                if Task.isCancelled { break }
                let row = try? await database.raw("PRAGMA wal_checkpoint(PASSIVE)").first()
                // Under a bulk load the log grows by megabytes a second: come back sooner, so that
                // it rarely reaches the size at which the writer checkpoints inside a commit.
                let frames = (try? row?.decode(column: "log", as: Int.self)) ?? 0
                pause = frames > 2_000 ? .milliseconds(50) : .milliseconds(250)
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
        _ = try? await lock.withLock { self.connection.close() }
        await readers?.close()
        if let firstError { throw StoreError.translate(firstError, engine: "SQLite") }
    }
}
