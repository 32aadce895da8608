import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import SQLKit

/// What a store without cryptography writes for the same records, through the
/// same SQLKit path as the vault (`insert … boundRows`, the vault's chunk
/// sizes, one transaction per 1,000 records), into copies of the vault's own
/// tables: each copy is made from the vault's schema, so its columns, keys
/// and indexes are the vault's.
///
/// `sameRows` writes every row the vault writes for a record, in the clear:
/// the subject (without a wrapped key or log salt), the record, its fields
/// (their JSON where the vault stores ciphertext), the lookup rows for the
/// indexed fields (the value where the vault stores a keyed digest), the
/// deferred-notice row (Art. 18) and a log row naming the subject (where the
/// vault writes a keyed commitment, a leaf hash and, later, tree nodes).
/// `recordsAndFields` writes only the record and its fields.
struct PlaintextBaseline {
    enum Scope {
        case sameRows
        case recordsAndFields

        var tables: [String] {
            switch self {
            case .sameRows: ["subjects", "records", "record_fields", "blind_indexes", "notices_owed", "tlog_entries"]
            case .recordsAndFields: ["records", "record_fields"]
            }
        }
    }

    let store: VaultStore
    let scope: Scope
    /// Prefixed to every copied table and index name.
    let prefix: String
    /// The standard's indexed fields and the kind each is indexed under.
    let indexed: [(field: String, kind: String)]

    init(store: VaultStore, scope: Scope, prefix: String, standard: CollectionStandard) {
        self.store = store
        self.scope = scope
        self.prefix = prefix
        self.indexed = standard.fields.filter(\.indexed).map { ($0.name, $0.type.configName) }
    }

    /// Copies the vault's tables (with their indexes) under the prefix. Triggers
    /// are left out: the vault's guard updates and deletes of the log, which inserts never fire.
    func createTables() async throws {
        let prefix = self.prefix
        let tables = scope.tables
        try await store.engine.withDatabase { database in
            for table in tables {
                let definitions = try await database.raw("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = \(bind: table) AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC").all()
                guard !definitions.isEmpty else { throw ValidationError("the vault has no table \(table); the baseline cannot copy its shape") }
                for definition in definitions {
                    let name = try definition.decode(column: "name", as: String.self)
                    var sql = try definition.decode(column: "sql", as: String.self)
                    if try definition.decode(column: "type", as: String.self) == "table" {
                        sql = sql.replacingOccurrences(of: "TABLE \(table) ", with: "TABLE \(prefix)\(table) ")
                    } else {
                        sql = sql.replacingOccurrences(of: "INDEX \(name) ON \(table) ", with: "INDEX \(prefix)\(name) ON \(prefix)\(table) ")
                    }
                    guard sql.contains(prefix) else { throw ValidationError("cannot rename \(name) in its definition: \(sql)") }
                    try await database.raw("\(unsafeRaw: sql)").run()
                }
            }
        }
    }

    /// Inserts `rows` as plaintext; returns the seconds taken.
    func insert(_ rows: [[String: JSONValue]]) async throws -> Double {
        let encoder = JSONEncoder()
        let emergency = Identifiers.random(prefix: "emg")
        var logIndex: Int64 = 0
        return try await Measure.seconds {
            for start in stride(from: 0, to: rows.count, by: 1000) {
                let now = Date()
                let at = Int64(now.timeIntervalSince1970 * 1000)
                let records: [PlainRecord] = try rows[start..<min(start + 1000, rows.count)].map { row in
                    PlainRecord(subjectID: Identifiers.timeOrdered(prefix: "sub", at: now), recordID: Identifiers.timeOrdered(prefix: "rec", at: now),
                                fields: try row.sorted { $0.key < $1.key }.map { ($0.key, try encoder.encode($0.value)) },
                                lookups: indexed.compactMap { entry in
                                    if case .string(let value) = row[entry.field] { (entry.kind, value) } else { nil }
                                })
                }
                let firstIndex = logIndex
                logIndex += Int64(records.count)
                try await store.engine.withTransaction { database in
                    try await insert(records, at: at, emergency: emergency, firstLogIndex: firstIndex, into: database)
                }
            }
        }
    }

    private struct PlainRecord {
        var subjectID: String
        var recordID: String
        var fields: [(String, Data)]
        var lookups: [(kind: String, value: String)]
    }

    private func insert(_ records: [PlainRecord], at: Int64, emergency: String, firstLogIndex: Int64, into database: any SQLDatabase) async throws {
        typealias Row = [any Encodable & Sendable]
        func rows(_ build: (PlainRecord) -> [Row]) -> [Row] { records.flatMap(build) }
        func run(_ table: String, _ columns: [String], _ rows: [Row], chunk: Int, ignoringConflicts: Bool = false) async throws {
            for start in stride(from: 0, to: rows.count, by: chunk) {
                let insert = database.insert(into: prefix + table).columns(columns).boundRows(Array(rows[start..<min(start + chunk, rows.count)]))
                try await (ignoringConflicts ? insert.ignoringConflicts() : insert).run()
            }
        }
        let absent: Data? = nil
        if scope == .sameRows {
            try await run("subjects", ["subject_id", "created_at", "key_version", "wrapped_key", "log_salt"],
                          rows { [[$0.subjectID, at, absent, absent, absent]] }, chunk: 200)
        }
        try await run("records", ["subject_id", "record_id", "standard", "purpose", "collected_at", "retain_until"],
                      rows { [[$0.subjectID, $0.recordID, "epidemic-registration", "contact-tracing", at, at + 86_400_000]] }, chunk: 200)
        try await run("record_fields", ["subject_id", "record_id", "field", "ciphertext"],
                      rows { record in record.fields.map { [record.subjectID, record.recordID, $0.0, $0.1] } }, chunk: 500)
        guard scope == .sameRows else { return }
        try await run("blind_indexes", ["subject_id", "kind", "digest"],
                      rows { record in record.lookups.map { [record.subjectID, $0.kind, $0.value] } }, chunk: 500, ignoringConflicts: true)
        try await run("notices_owed", ["subject_id", "record_id", "emergency_id", "purpose", "owed_since"],
                      rows { [[$0.subjectID, $0.recordID, emergency, "contact-tracing", at]] }, chunk: 200)
        let time = Date(timeIntervalSince1970: Double(at) / 1000)
        let log: [Row] = records.enumerated().map { offset, record in
            let event = LogEvent(kind: .collection, time: time, actor: "vault", role: "system", purpose: "contact-tracing",
                                 fields: record.fields.map(\.0), decision: "recorded", subject: record.subjectID, detail: "epidemic-registration")
            return [firstLogIndex + Int64(offset), record.subjectID, event.leafData]
        }
        try await run("tlog_entries", ["idx", "subject", "data"], log, chunk: 500)
    }
}
