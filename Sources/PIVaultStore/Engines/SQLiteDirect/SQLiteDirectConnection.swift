import Foundation
import VaporCSQLite
#if canImport(Glibc)
import Glibc
#endif

/// An SQLite connection driven in the caller's thread, keeping its
/// prepared statements.
///
/// Through the general driver every statement is parsed again and hops to a
/// thread pool and back; a read of a page already in memory, or an insert
/// into the write-ahead log, takes microseconds, so both costs dwarf the
/// work. This connection prepares each distinct statement once and steps it
/// where it is called. Checkpoints, which wait on the disk, run on a thread
/// of their own (``SQLiteCheckpointer``).
///
/// `@unchecked Sendable`: a connection is used by one task or thread at a
/// time, which its owner guarantees (``SQLiteReaderPool`` for readers, the
/// engine's lock for the writer, the checkpointer's own thread).
final class SQLiteDirectConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: CachedStatement] = [:]
    /// Cached statements' text, oldest first: the oldest gives way when the cache is full.
    private var cacheOrder: [String] = []

    /// Distinct statements kept. Bulk inserts repeat a few shapes (a full
    /// chunk of rows, the remainder), so they are kept too; lists of ids of
    /// every length pass through and push out the oldest.
    static let cacheLimit = 128

    /// Opens (creating if `readOnly` is false) the database at `path`; `:memory:` for a private one.
    /// A read-only connection is refused any write by SQLite itself.
    init(path: String, readOnly: Bool) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | (readOnly ? 0 : SQLITE_OPEN_CREATE)
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let error = SQLiteDirectError(code: status, message: handle.map { Self.message($0) } ?? "cannot open")
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw error
        }
        // Waits for a lock held elsewhere (the checkpointer restarting the log, another process) in
        // 100 µs steps for up to 5 s: SQLite's own backoff sleeps up to 100 ms at a time, far longer
        // than the locks here are held, and every read waiting on the log would wait with it.
        sqlite_nio_sqlite3_busy_handler(handle, { _, attempts in
            guard attempts < 50_000 else { return 0 }
            usleep(100)
            return 1
        }, nil)
        if readOnly { try execute("PRAGMA query_only = 1") }
    }

    /// Runs a statement that returns nothing of interest (a pragma, `BEGIN`, `COMMIT`).
    func execute(_ sql: String) throws {
        try query(sql, binds: []) { _ in }
    }

    /// Runs `sql` with `binds`, handing each row to `onRow`.
    func query(_ sql: String, binds: [SQLiteValue], onRow: (SQLiteDirectRow) throws -> Void) throws {
        guard let handle else { throw SQLiteDirectError.closed }
        let statement: CachedStatement
        if let cached = statements[sql] {
            statement = cached
        } else {
            statement = try prepare(sql, on: handle)
            if statements.count >= Self.cacheLimit, !cacheOrder.isEmpty, let oldest = statements.removeValue(forKey: cacheOrder.removeFirst()) {
                sqlite_nio_sqlite3_finalize(oldest.pointer)
            }
            statements[sql] = statement
            cacheOrder.append(sql)
        }
        // A statement that failed is finalized rather than kept: its next use prepares it afresh.
        var keep = true
        defer {
            if keep {
                // Not sqlite3_clear_bindings: it marks a statement whose plan looked at a bound
                // value (any `column = ?`) as expired, and the next use would parse it again.
                // Every use binds all parameters anew.
                sqlite_nio_sqlite3_reset(statement.pointer)
            } else {
                statements.removeValue(forKey: sql)
                cacheOrder.removeAll { $0 == sql }
                sqlite_nio_sqlite3_finalize(statement.pointer)
            }
        }
        do {
            try bind(binds, to: statement.pointer, on: handle)
        } catch {
            keep = false
            throw error
        }
        while true {
            let status = sqlite_nio_sqlite3_step(statement.pointer)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                keep = false
                throw SQLiteDirectError(code: status, message: Self.message(handle))
            }
            let columns = statement.currentColumns()
            try onRow(SQLiteDirectRow(columns: columns, values: Self.values(of: statement.pointer, count: columns.names.count)))
        }
    }

    /// Finalizes every statement and closes the handle.
    func close() {
        finalizeAll()
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    deinit { if handle != nil { close() } }

    private func prepare(_ sql: String, on handle: OpaquePointer) throws -> CachedStatement {
        var pointer: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard status == SQLITE_OK, let pointer else {
            throw SQLiteDirectError(code: status, message: Self.message(handle))
        }
        return CachedStatement(pointer: pointer)
    }

    private func bind(_ binds: [SQLiteValue], to statement: OpaquePointer, on handle: OpaquePointer) throws {
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer): status = sqlite_nio_sqlite3_bind_int64(statement, index, integer)
            case .float(let double): status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .text(let text):
                var text = text
                status = text.withUTF8 { sqlite_nio_sqlite3_bind_text64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient, UInt8(SQLITE_UTF8)) }
            case .blob(let data):
                status = data.withUnsafeBytes { sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient) }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw SQLiteDirectError(code: status, message: Self.message(handle)) }
        }
    }

    private static func values(of statement: OpaquePointer, count: Int) -> [SQLiteValue] {
        (0..<Int32(count)).map { column in
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite_nio_sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
            case SQLITE_BLOB:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                guard let bytes = sqlite_nio_sqlite3_column_blob(statement, column) else { return .blob(Data()) }
                return .blob(Data(bytes: bytes, count: length))
            default: return .null
            }
        }
    }

    private func finalizeAll() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.pointer) }
        statements.removeAll()
        cacheOrder.removeAll()
    }

    private static func message(_ handle: OpaquePointer) -> String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    }

    /// Tells SQLite to copy a bound value: the Swift buffer lives only for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A prepared statement and its result columns.
    ///
    /// SQLite prepares a kept statement again by itself when the schema
    /// changes (a migration by another process, say), and its columns may
    /// change with it: they are read again whenever SQLite reports having
    /// done so, so a row never pairs values with stale names.
    private final class CachedStatement {
        let pointer: OpaquePointer
        private var columns: SQLiteDirectRow.Columns
        private var reprepares: Int32

        init(pointer: OpaquePointer) {
            self.pointer = pointer
            reprepares = sqlite_nio_sqlite3_stmt_status(pointer, SQLITE_STMTSTATUS_REPREPARE, 0)
            columns = Self.readColumns(pointer)
        }

        func currentColumns() -> SQLiteDirectRow.Columns {
            let count = sqlite_nio_sqlite3_stmt_status(pointer, SQLITE_STMTSTATUS_REPREPARE, 0)
            if count != reprepares {
                reprepares = count
                columns = Self.readColumns(pointer)
            }
            return columns
        }

        private static func readColumns(_ pointer: OpaquePointer) -> SQLiteDirectRow.Columns {
            let count = sqlite_nio_sqlite3_column_count(pointer)
            return SQLiteDirectRow.Columns(names: (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(pointer, $0)) })
        }
    }
}

/// A failure reported by SQLite on a direct connection: its result code and
/// message (which name tables and columns, never bound values).
struct SQLiteDirectError: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    var description: String { "SQLite error \(code): \(message)" }

    /// A statement on a connection already closed.
    static let closed = SQLiteDirectError(code: SQLITE_MISUSE, message: "the connection is closed")

    /// What the failure means for the caller, from the primary result code.
    enum Kind { case busy, closed, unusable, rejected }

    var kind: Kind {
        if code == Self.closed.code, message == Self.closed.message { return .closed }
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        case SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_IOERR, SQLITE_FULL, SQLITE_CORRUPT, SQLITE_NOTADB: return .unusable
        default: return .rejected
        }
    }
}
