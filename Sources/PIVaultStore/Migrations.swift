import Foundation
import SQLKit

/// The versioned schema. Each migration runs once, in order, in its own
/// transaction, and is recorded in `schema_migrations`. Per-subject tables
/// lead with `subject_id` so they can be distributed by it (e.g. Citus).
enum Migrations {
    /// One schema change: a version and its statements.
    typealias Migration = (version: Int, statements: [String])

    /// Every migration, in version order. Each feature owns a range of
    /// versions and its own file: core 1–99, server 100–199, law engine
    /// 200–299, transparency log 300–399, rights requests 400–499,
    /// sensitive-data controls 500–599, health codes 600–699.
    static func all(_ dialect: DatabaseDialect) -> [Migration] {
        let features: [[Migration]] = [
            core(dialect),
            server(dialect),
            lawEngine(dialect),
            transparencyLog(dialect),
            rights(dialect),
            deidentify(dialect),
            healthCodes(dialect),
            incidents(dialect),
            biometrics(dialect),
            assessments(dialect),
        ]
        return features.flatMap { $0 }.sorted { $0.version < $1.version }
    }

    static func core(_ dialect: DatabaseDialect) -> [Migration] {
        let blob = dialect.blobType
        return [
            (1, [
                "CREATE TABLE vault_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE key_versions (version BIGINT PRIMARY KEY, check_value TEXT NOT NULL, created_at BIGINT NOT NULL, retired_at BIGINT)",
                "CREATE TABLE subjects (subject_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, key_version BIGINT, wrapped_key \(blob), erased_at BIGINT)",
                "CREATE INDEX subjects_key_version ON subjects (key_version)",
                "CREATE TABLE records (subject_id TEXT NOT NULL, record_id TEXT NOT NULL, standard TEXT NOT NULL, purpose TEXT NOT NULL, collected_at BIGINT NOT NULL, retain_until BIGINT NOT NULL, PRIMARY KEY (subject_id, record_id))",
                "CREATE INDEX records_retain_until ON records (retain_until)",
                "CREATE TABLE record_fields (subject_id TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, ciphertext \(blob) NOT NULL, PRIMARY KEY (subject_id, record_id, field))",
                "CREATE TABLE blind_indexes (subject_id TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (subject_id, kind, digest))",
                "CREATE INDEX blind_indexes_lookup ON blind_indexes (kind, digest)",
                "CREATE TABLE consents (subject_id TEXT NOT NULL, consent_id TEXT NOT NULL, purpose TEXT NOT NULL, granted_at BIGINT NOT NULL, withdrawn_at BIGINT, PRIMARY KEY (subject_id, consent_id))",
                "CREATE TABLE emergencies (emergency_id TEXT PRIMARY KEY, name TEXT NOT NULL, legal_reference TEXT NOT NULL, purposes TEXT NOT NULL, region TEXT, starts_at BIGINT NOT NULL, ends_at BIGINT)",
            ]),
            // Digests are uniformly random, so every insert lands on a random page of
            // the lookup index; indexing a short prefix instead of kind and digest makes
            // that index a third of the size, and each commit rewrites that many fewer pages.
            (2, [
                "DROP INDEX blind_indexes_lookup",
                "CREATE INDEX blind_indexes_probe ON blind_indexes (\(Probe.blindIndex))",
            ]),
        ]
    }

    /// The versions applied so far, without creating anything: none in a new database.
    static func applied(on engine: any DatabaseEngine) async throws -> Set<Int> {
        try await engine.withDatabase { database in
            let present: SQLQueryString = switch engine.dialect {
            case .sqlite: "SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            case .postgres: "SELECT 1 AS present FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            }
            guard try await database.raw(present).first() != nil else { return [] }
            return Set(try await database.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) })
        }
    }

    /// Applies every migration newer than the database's version.
    static func run(on engine: any DatabaseEngine) async throws {
        try await engine.withDatabase { database in
            try await database.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
        }
        let applied = try await engine.withDatabase { database in
            try await database.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        let known = all(engine.dialect)
        if let newest = applied.max(), newest > (known.map(\.version).max() ?? 0) {
            throw StoreError(.schema, "the database schema is version \(newest), newer than this build knows; upgrade pivault")
        }
        for migration in known where !applied.contains(migration.version) {
            try await engine.withTransaction { database in
                for statement in migration.statements {
                    try await database.raw("\(unsafeRaw: statement)" as SQLQueryString).run()
                }
                let now = Int64(Date().timeIntervalSince1970)
                try await database.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: migration.version), \(bind: now))").run()
            }
        }
    }
}
