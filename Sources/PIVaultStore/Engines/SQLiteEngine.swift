import Foundation
import Logging
import SQLKit
import SQLiteKit

/// SQLite, embedded: one file in WAL mode, one writer connection shared in
/// turns, and a few read-only connections that serve reads in parallel
/// (WAL lets readers proceed while the writer commits). Writer and readers
/// run their statements directly (``SQLiteDirectConnection``) in the calling
/// task; checkpoints, which wait on the disk, run on a thread of their own
/// (``SQLiteCheckpointer``).
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
    private let checkpointer: SQLiteCheckpointer?

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> SQLiteEngine {
        let connection: SQLiteDirectConnection
        do {
            connection = try SQLiteDirectConnection(path: path, readOnly: false)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database at \(path): \(error); check that the folder exists and is writable")
        }
        var readers: [SQLiteDirectConnection] = []
        var checkpointer: SQLiteCheckpointer?
        do {
            try connection.execute("PRAGMA journal_mode = WAL")
            try connection.execute("PRAGMA synchronous = NORMAL")
            try connection.execute("PRAGMA foreign_keys = ON")
            // 16 MiB, as each reader's. Blind indexes and log commitments are random keys, so inserts land
            // all over those indexes, yet a larger cache did not pay: with 48, 32 and 16 MiB the benchmarks
            // collected and read at the same rates and imported 1M rows in 147, 140 and 141 s, while the
            // server's peak memory fell from 144 to 127 to 109 MiB. SQLite also scans the whole cache's hash
            // table at every commit (3% of the server's CPU under logged reads with 48 MiB).
            try connection.execute("PRAGMA cache_size = -16384")
            // The checkpointer keeps the log short; a commit checkpoints itself only past 40 MB.
            try connection.execute("PRAGMA wal_autocheckpoint = 10000")
            try connection.execute("PRAGMA temp_store = MEMORY")
            // A log that grew during a bulk load is cut back to 64 MiB once it starts over.
            try connection.execute("PRAGMA journal_size_limit = 67108864")
            for _ in 0..<readerCount {
                let reader = try SQLiteDirectConnection(path: path, readOnly: true)
                readers.append(reader)
                try reader.execute("PRAGMA cache_size = -16384")
            }
            checkpointer = try SQLiteCheckpointer(path: path)
        } catch {
            connection.close()
            for reader in readers { reader.close() }
            await checkpointer?.stop()
            throw StoreError.translate(error, engine: "SQLite database at \(path)")
        }
        return SQLiteEngine(connection: connection, readers: readers, checkpointer: checkpointer, path: path, logger: logger)
    }

    /// An in-memory database, for tests.
    public static func inMemory(logger: Logger) async throws -> SQLiteEngine {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        return SQLiteEngine(connection: connection, readers: [], checkpointer: nil, path: ":memory:", logger: logger)
    }

    private init(connection: SQLiteDirectConnection, readers: [SQLiteDirectConnection], checkpointer: SQLiteCheckpointer?, path: String, logger: Logger) {
        self.connection = connection
        self.readers = readers.isEmpty ? nil : SQLiteReaderPool(readers)
        self.logger = logger
        self.checkpointer = checkpointer
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

    /// Stops the checkpointer, then closes the writer and every reader, each
    /// once its current user is done.
    public func close() async throws {
        await checkpointer?.stop()
        _ = try? await lock.withLock { self.connection.close() }
        await readers?.close()
    }
}
