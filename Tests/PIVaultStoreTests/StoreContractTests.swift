import Foundation
import Logging
@testable import PIVaultStore
import SQLKit
import Testing

/// The store's contract, run on SQLite and, when PIVAULT_TEST_POSTGRES_URL is set, PostgreSQL.
@Suite("Store contract on every engine")
struct StoreContractTests {
    static let engines: [String] = {
        guard ProcessInfo.processInfo.environment["PIVAULT_TEST_POSTGRES_URL"] != nil else {
            print("note: PostgreSQL store suite skipped — set PIVAULT_TEST_POSTGRES_URL to run it")
            return ["sqlite"]
        }
        return ["sqlite", "postgres"]
    }()

    func open(_ engine: String) async throws -> VaultStore {
        let logger = Logger(label: "store-test")
        if engine == "postgres" {
            let url = ProcessInfo.processInfo.environment["PIVAULT_TEST_POSTGRES_URL"]!
            let name = "pivault_s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await PostgresEngine.connect(url: url, logger: logger)
            try await admin.withDatabase { try await $0.raw("CREATE DATABASE \(ident: String(name))").run() }
            try await admin.close()
            var components = URLComponents(string: url)!
            components.path = "/" + name
            return try await VaultStore.open(try await PostgresEngine.connect(url: components.string!, logger: logger))
        }
        let path = NSTemporaryDirectory() + "pivault-store-\(UUID().uuidString).sqlite"
        return try await VaultStore.open(try await SQLiteEngine.open(path: path, logger: logger))
    }

    @Test("Migrations are idempotent; records, fields and indexes round-trip; a failed transaction leaves nothing", arguments: engines)
    func contract(engine: String) async throws {
        let store = try await open(engine)
        _ = try await VaultStore.open(store.engine)
        let now = Date(timeIntervalSince1970: 1_650_000_000)
        try await store.write { try await $0.insertSubject("sub_1", keyVersion: 1, wrappedKey: Data([1, 2, 3]), at: now) }
        let record = StoredRecord(subjectID: "sub_1", recordID: "rec_1", standard: "s", purpose: "p", collectedAt: now, retainUntil: now + 86_400,
                                  sealedFields: ["a": Data([0, 255, 7]), "b": Data([9])], blindIndexes: [(kind: "mobile", digest: "d1")])
        try await store.write { try await $0.insertRecords([record]) }
        let fields = try await store.read { try await $0.sealedFields(subjectID: "sub_1", standards: ["s"], fields: ["a"]) }
        #expect(fields.map(\.field) == ["a"] && fields[0].ciphertext == Data([0, 255, 7]) && fields[0].collectedAt == now)
        #expect(try await store.read { try await $0.subjects(withIndex: "mobile", digest: "d1") } == ["sub_1"])
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await store.write { session in
                try await session.insertSubject("sub_2", keyVersion: 1, wrappedKey: Data([1]), at: now)
                throw Boom()
            }
        }
        #expect(try await store.read { try await $0.subjectKey("sub_2") } == nil)
        try await store.write { try await $0.destroySubjectKey("sub_1", at: now) }
        #expect(try await store.write { try await $0.deleteSubjectData("sub_1") } == 1)
        let row = try await store.read { try await $0.subjectKey("sub_1") }
        #expect(row?.wrappedKey == nil && row?.erasedAt == now)
        #expect(try await store.read { try await $0.counts() } == (subjects: 1, erased: 1, records: 0))
        try await store.close()
    }

    @Test("A blind-index or commitment lookup returns exact matches only, though the index holds a prefix (PIPL Art. 51)", arguments: engines)
    func prefixLookups(engine: String) async throws {
        let store = try await open(engine)
        let digest = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
        let sibling = "AAAAAAAAAAAABBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB="
        try await store.write { session in
            for (subject, kind, value) in [("sub_1", "mobile", digest), ("sub_2", "mobile", sibling), ("sub_3", "resident_id", digest), ("sub_4", "mobile", digest)] {
                try await Self.storeIndexedSubject(subject, kind: kind, digest: value, in: session)
            }
            _ = try await session.appendLogEntries([(subject: "c0ffee000000aa", data: Data("1".utf8)), (subject: "c0ffee000000bb", data: Data("2".utf8)),
                                                   (subject: "c0ffee000000aa", data: Data("3".utf8)), (subject: nil, data: Data("4".utf8))])
        }
        #expect(try await store.read { try await $0.subjects(withIndex: "mobile", digest: digest) } == ["sub_1", "sub_4"])
        #expect(try await store.read { try await $0.subjects(withIndex: "resident_id", digest: digest) } == ["sub_3"])
        #expect(try await store.read { try await $0.subjects(withIndex: "mobile", digest: "AAAAAAAAAAAA") }.isEmpty)
        let entries = try await store.read { try await $0.logEntries(subject: "c0ffee000000aa") }
        #expect(entries.map { String(decoding: $0.data, as: UTF8.self) } == ["1", "3"])
        #expect(try await store.read { try await $0.logEntries(subject: "c0ffee000000") }.isEmpty)
        try await store.close()
    }

    @Test("A vault created before the prefix indexes is upgraded in place: the whole-key indexes give way and lookups find what was stored before", arguments: engines)
    func prefixIndexUpgrade(engine: String) async throws {
        let store = try await open(engine)
        let digest = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
        try await store.write { session in
            try await Self.storeIndexedSubject("sub_1", kind: "mobile", digest: digest, in: session)
            _ = try await session.appendLogEntries([(subject: "c0ffee", data: Data("e".utf8))])
        }
        // The schema as versions 1 and 300 left it.
        try await store.engine.withDatabase { database in
            for statement in ["DROP INDEX blind_indexes_probe", "CREATE INDEX blind_indexes_lookup ON blind_indexes (kind, digest)",
                              "DROP INDEX tlog_entries_subject_probe", "CREATE INDEX tlog_entries_subject ON tlog_entries (subject)",
                              "DELETE FROM schema_migrations WHERE version IN (2, 301)"] {
                try await database.raw("\(unsafeRaw: statement)").run()
            }
        }
        let upgraded = try await VaultStore.open(store.engine)
        #expect(try await upgraded.read { try await $0.subjects(withIndex: "mobile", digest: digest) } == ["sub_1"])
        #expect(try await upgraded.read { try await $0.logEntries(subject: "c0ffee") }.count == 1)
        // The old indexes are gone: creating them again succeeds.
        try await store.engine.withDatabase { database in
            try await database.raw("CREATE INDEX blind_indexes_lookup ON blind_indexes (kind, digest)").run()
            try await database.raw("CREATE INDEX tlog_entries_subject ON tlog_entries (subject)").run()
        }
        try await store.close()
    }

    @Test("A vault whose commitment salts sit in their own table is upgraded in place: each salt moves into its subject's row (PIPL Art. 47 erasure still clears it)", arguments: engines)
    func saltUpgrade(engine: String) async throws {
        let store = try await open(engine)
        let now = Date(timeIntervalSince1970: 1_650_000_000)
        try await store.write { session in
            try await session.insertSubjects([(id: "sub_1", keyVersion: 1, wrappedKey: Data([1]), createdAt: now), (id: "sub_2", keyVersion: 1, wrappedKey: Data([2]), createdAt: now)])
        }
        // The schema as version 301 left it, with a salt for sub_1 only.
        let blob = engine == "postgres" ? "BYTEA" : "BLOB"
        try await store.engine.withDatabase { database in
            for statement in ["ALTER TABLE subjects DROP COLUMN log_salt",
                              "CREATE TABLE tlog_subject_salts (subject_id TEXT PRIMARY KEY, sealed_salt \(blob) NOT NULL)",
                              "DELETE FROM schema_migrations WHERE version = 302"] {
                try await database.raw("\(unsafeRaw: statement)").run()
            }
            try await database.raw("INSERT INTO tlog_subject_salts (subject_id, sealed_salt) VALUES ('sub_1', \(bind: Data([7, 7, 7])))").run()
        }
        let upgraded = try await VaultStore.open(store.engine)
        #expect(try await upgraded.read { try await $0.logSalts(subjectIDs: ["sub_1", "sub_2"]) } == ["sub_1": Data([7, 7, 7])])
        // The old table is gone, and a salt made now is kept unless one exists.
        await #expect(throws: (any Error).self) { try await store.engine.withDatabase { try await $0.raw("SELECT * FROM tlog_subject_salts").run() } }
        #expect(try await upgraded.write { try await $0.insertLogSalt(subjectID: "sub_1", sealed: Data([9])) } == Data([7, 7, 7]))
        #expect(try await upgraded.write { try await $0.insertLogSalt(subjectID: "sub_2", sealed: Data([9])) } == Data([9]))
        try await upgraded.write { try await $0.deleteLogSalt(subjectID: "sub_1") }
        #expect(try await upgraded.read { try await $0.logSalt(subjectID: "sub_1") } == nil)
        try await store.close()
    }

    /// Stores a subject with one record, indexed under `kind` and `digest`.
    static func storeIndexedSubject(_ subject: String, kind: String, digest: String, in session: StoreSession) async throws {
        let now = Date(timeIntervalSince1970: 1_650_000_000)
        try await session.insertSubject(subject, keyVersion: 1, wrappedKey: Data([1]), at: now)
        try await session.insertRecords([StoredRecord(subjectID: subject, recordID: "rec_\(subject)", standard: "s", purpose: "p", collectedAt: now,
                                                      retainUntil: now + 86_400, sealedFields: ["a": Data([1])], blindIndexes: [(kind: kind, digest: digest)])])
    }

    @Test("On SQLite, blind-index and commitment lookups search their prefix index instead of scanning")
    func prefixIndexesAreUsed() async throws {
        let store = try await open("sqlite")
        let plans = try await store.engine.withDatabase { database in
            var plans: [String] = []
            for (table, expression) in [("blind_indexes", Probe.blindIndex), ("tlog_entries", Probe.logSubject)] {
                plans.append(try await database.raw("EXPLAIN QUERY PLAN SELECT * FROM \(ident: table) WHERE \(unsafeRaw: expression) = \(bind: "x") ORDER BY rowid").all()
                    .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: " / "))
            }
            return plans
        }
        #expect(plans[0].contains("SEARCH blind_indexes USING INDEX blind_indexes_probe"), "\(plans[0])")
        #expect(plans[1].contains("SEARCH tlog_entries USING INDEX tlog_entries_subject_probe"), "\(plans[1])")
        try await store.close()
    }

    @Test("An unreachable PostgreSQL or an unwritable SQLite path gives a clear error")
    func unavailable() async throws {
        await #expect { try await PostgresEngine.connect(url: "postgres://nobody@127.0.0.1:1/none", logger: Logger(label: "t")) } throws: { error in
            (error as? StoreError)?.code == .unavailable
        }
        await #expect { try await SQLiteEngine.open(path: "/nonexistent-folder/x/vault.sqlite", logger: Logger(label: "t")) } throws: { error in
            (error as? StoreError)?.code == .unavailable
        }
        #expect(throws: StoreError.self) { try PostgresURLCheck.check("mysql://x") }
    }
}

/// Checks URL parsing without connecting.
enum PostgresURLCheck {
    static func check(_ url: String) throws {
        if case .postgres = DatabaseLocation(parsing: url) { return }
        throw StoreError(.invalidURL, "not a PostgreSQL URL")
    }
}
