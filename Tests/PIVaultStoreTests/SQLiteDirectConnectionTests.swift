import Foundation
import Logging
@testable import PIVaultStore
import SQLKit
import Testing

/// The SQLite connections that run statements in the caller's task and keep them prepared.
@Suite("SQLite statements run directly, prepared once (issue 2: storage; issue 3: reads under load)")
struct SQLiteDirectConnectionTests {
    static func temporaryPath() -> String { NSTemporaryDirectory() + "pivault-direct-\(UUID().uuidString).sqlite" }

    static func rows(_ connection: SQLiteDirectConnection, _ sql: String, _ binds: [SQLiteValue] = []) throws -> [SQLiteDirectRow] {
        var rows: [SQLiteDirectRow] = []
        try connection.query(sql, binds: binds) { rows.append($0) }
        return rows
    }

    @Test("Values of every storage class round-trip through binds and rows")
    func roundTrip() throws {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        defer { connection.close() }
        try connection.execute("CREATE TABLE t (i INTEGER, f REAL, s TEXT, b BLOB, n TEXT)")
        try connection.query("INSERT INTO t VALUES (?, ?, ?, ?, ?)", binds: [.integer(-7), .float(2.5), .text("张三 \u{0}x"), .blob(Data([0, 1, 255])), .null]) { _ in }
        let row = try #require(try Self.rows(connection, "SELECT * FROM t").first)
        #expect(try row.decode(column: "i", as: Int64.self) == -7)
        #expect(try row.decode(column: "i", as: Int.self) == -7)
        #expect(try row.decode(column: "f", as: Double.self) == 2.5)
        #expect(try row.decode(column: "s", as: String.self) == "张三 \u{0}x")
        #expect(try row.decode(column: "b", as: Data.self) == Data([0, 1, 255]))
        #expect(try row.decode(column: "n", as: String?.self) == nil)
        #expect(try row.decodeNil(column: "n"))
        #expect(throws: (any Error).self) { try row.decode(column: "missing", as: String.self) }
    }

    @Test("A statement that fails is dropped, not kept half-run: the next use works and nothing is stored twice")
    func failedStatement() throws {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        defer { connection.close() }
        try connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        let insert = "INSERT INTO t (k) VALUES (?)"
        try connection.query(insert, binds: [.text("a")]) { _ in }
        #expect(throws: SQLiteDirectError.self) { try connection.query(insert, binds: [.text("a")]) { _ in } }
        try connection.query(insert, binds: [.text("b")]) { _ in }
        #expect(try Self.rows(connection, "SELECT k FROM t ORDER BY k").map { try $0.decode(column: "k", as: String.self) } == ["a", "b"])
    }

    @Test("More distinct statements than the cache holds: the oldest give way and every one still runs")
    func cacheLimit() throws {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        defer { connection.close() }
        for round in 0..<2 {
            for number in 0..<(SQLiteDirectConnection.cacheLimit + 20) {
                let row = try #require(try Self.rows(connection, "SELECT ? + \(number) AS v", [.integer(Int64(round))]).first)
                #expect(try row.decode(column: "v", as: Int64.self) == Int64(number + round))
            }
        }
    }

    @Test("A statement kept prepared sees a schema changed after it was prepared")
    func schemaChange() throws {
        let path = Self.temporaryPath()
        let writer = try SQLiteDirectConnection(path: path, readOnly: false)
        defer { writer.close() }
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("CREATE TABLE t (a TEXT)")
        try writer.execute("INSERT INTO t VALUES ('x')")
        let reader = try SQLiteDirectConnection(path: path, readOnly: true)
        defer { reader.close() }
        #expect(try Self.rows(reader, "SELECT * FROM t").first?.allColumns == ["a"])
        try writer.execute("ALTER TABLE t ADD COLUMN b TEXT")
        #expect(try Self.rows(reader, "SELECT * FROM t").first?.allColumns == ["a", "b"])
    }

    @Test("A read connection refuses to write, with SQLite's own error and nothing changed")
    func readOnly() throws {
        let path = Self.temporaryPath()
        let writer = try SQLiteDirectConnection(path: path, readOnly: false)
        defer { writer.close() }
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("CREATE TABLE t (a TEXT)")
        let reader = try SQLiteDirectConnection(path: path, readOnly: true)
        defer { reader.close() }
        #expect(throws: SQLiteDirectError.self) { try reader.execute("INSERT INTO t VALUES ('x')") }
        #expect(try Self.rows(writer, "SELECT count(*) AS n FROM t").first?.decode(column: "n", as: Int64.self) == 0)
    }

    @Test("A closed connection answers with an error, never a crash")
    func closed() throws {
        let connection = try SQLiteDirectConnection(path: ":memory:", readOnly: false)
        connection.close()
        #expect(throws: SQLiteDirectError.self) { try connection.execute("SELECT 1") }
    }

    @Test("A write lock held briefly by another connection is waited out, not reported as an error")
    func locked() async throws {
        let path = Self.temporaryPath()
        let engine = try await SQLiteEngine.open(path: path, logger: Logger(label: "direct-test"))
        try await engine.withDatabase { try await $0.raw("CREATE TABLE t (a TEXT)").run() }
        let other = try SQLiteDirectConnection(path: path, readOnly: false)
        try other.execute("BEGIN IMMEDIATE")
        // The other writer is a thread of its own, as another process would be: the engine's wait
        // blocks the task that waits, so the holder must not need the same threads to let go.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            try? other.execute("ROLLBACK")
            other.close()
        }
        // The busy handler waits out the other writer's short transaction.
        try await engine.withTransaction { try await $0.raw("INSERT INTO t VALUES ('x')").run() }
        let count = try await engine.withReader { try await $0.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) }
        #expect(count == 1)
        try await engine.close()
    }

    @Test("An unbroken stream of reads does not keep the write-ahead log growing: the checkpointer starts it over")
    func logStartsOver() async throws {
        let path = Self.temporaryPath()
        let engine = try await SQLiteEngine.open(path: path, logger: Logger(label: "direct-test"))
        try await engine.withDatabase { try await $0.raw("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)").run() }
        let reading = Task {
            while !Task.isCancelled {
                _ = try? await engine.withReader { try await $0.raw("SELECT count(*) AS n FROM t").first() }
                await Task.yield()
            }
        }
        // About 40 MiB of pages, well past the size at which the log is started over.
        let blob = Data(repeating: 7, count: 4_000)
        for start in stride(from: 0, to: 10_000, by: 100) {
            try await engine.withTransaction { database in
                for key in start..<start + 100 { try await database.raw("INSERT INTO t VALUES (\(bind: key), \(bind: blob))").run() }
            }
        }
        var frames = Int.max
        for _ in 0..<40 where frames > SQLiteCheckpointer.restartFrames {
            try await Task.sleep(for: .milliseconds(250))
            try await engine.withTransaction { try await $0.raw("INSERT INTO t VALUES (NULL, x'00')").run() }
            frames = try await engine.withDatabase { try await $0.raw("PRAGMA wal_checkpoint(PASSIVE)").first()?.decode(column: "log", as: Int.self) } ?? .max
        }
        reading.cancel()
        #expect(frames <= SQLiteCheckpointer.restartFrames)
        try await engine.close()
    }
}

extension SQLiteDirectConnectionTests {
    @Test("After the engine closes, reads and writes fail at once with 'unavailable' instead of waiting")
    func afterClose() async throws {
        let engine = try await SQLiteEngine.open(path: Self.temporaryPath(), logger: Logger(label: "direct-test"))
        try await engine.withDatabase { try await $0.raw("CREATE TABLE t (a TEXT)").run() }
        try await engine.close()
        await #expect(throws: StoreError.self) { try await engine.withReader { try await $0.raw("SELECT * FROM t").all() } }
        await #expect(throws: StoreError.self) { try await engine.withDatabase { try await $0.raw("SELECT * FROM t").all() } }
        do {
            _ = try await engine.withReader { try await $0.raw("SELECT * FROM t").all() }
        } catch let error as StoreError {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("closed"))
        }
    }
}
