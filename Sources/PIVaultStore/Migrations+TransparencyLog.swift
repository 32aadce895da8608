extension Migrations {
    /// Tables of the transparency log: the tree's hashes (level 0 = leaf
    /// hashes), the events the leaves commit to, the integrated size, and the
    /// per-subject salts behind the subject commitments (in their own table
    /// until 302, then in `subjects.log_salt`).
    ///
    /// Hashes and events are append-only: triggers refuse any update or
    /// delete, so altering them takes a deliberate schema change, which the
    /// log's audit then detects.
    static func transparencyLog(_ dialect: DatabaseDialect) -> [Migration] {
        let blob = dialect.blobType
        let tables = [
            "CREATE TABLE tlog_state (id BIGINT PRIMARY KEY, leaf_count BIGINT NOT NULL, integrated_size BIGINT NOT NULL)",
            "INSERT INTO tlog_state (id, leaf_count, integrated_size) VALUES (1, 0, 0)",
            "CREATE TABLE tlog_nodes (level BIGINT NOT NULL, idx BIGINT NOT NULL, hash \(blob) NOT NULL, PRIMARY KEY (level, idx))",
            "CREATE TABLE tlog_entries (idx BIGINT PRIMARY KEY, subject TEXT, data \(blob) NOT NULL)",
            "CREATE INDEX tlog_entries_subject ON tlog_entries (subject)",
            "CREATE TABLE tlog_subject_salts (subject_id TEXT PRIMARY KEY, sealed_salt \(blob) NOT NULL)",
        ]
        let guards: [String]
        switch dialect {
        case .sqlite:
            guards = ["tlog_nodes", "tlog_entries"].flatMap { table in
                ["UPDATE", "DELETE"].map { action in
                    "CREATE TRIGGER \(table)_no_\(action.lowercased()) BEFORE \(action) ON \(table) BEGIN SELECT RAISE(ABORT, 'transparency log tables are append-only'); END"
                }
            }
        case .postgres:
            guards = [
                "CREATE FUNCTION tlog_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'transparency log tables are append-only'; END $$",
                "CREATE TRIGGER tlog_nodes_append_only BEFORE UPDATE OR DELETE ON tlog_nodes FOR EACH ROW EXECUTE FUNCTION tlog_append_only()",
                "CREATE TRIGGER tlog_entries_append_only BEFORE UPDATE OR DELETE ON tlog_entries FOR EACH ROW EXECUTE FUNCTION tlog_append_only()",
            ]
        }
        return [
            (300, tables + guards),
            // Commitments are random, as blind-index digests are: the subject index keeps a prefix (see migration 2).
            (301, [
                "DROP INDEX tlog_entries_subject",
                "CREATE INDEX tlog_entries_subject_probe ON tlog_entries (\(Probe.logSubject))",
            ]),
            // A subject's salt moves into its row: creating a subject then writes one row and two
            // index entries fewer, and a read fetches the salt with the key instead of by a join.
            (302, [
                "ALTER TABLE subjects ADD COLUMN log_salt \(blob)",
                "UPDATE subjects SET log_salt = (SELECT t.sealed_salt FROM tlog_subject_salts t WHERE t.subject_id = subjects.subject_id)",
                "DROP TABLE tlog_subject_salts",
            ]),
        ]
    }
}
