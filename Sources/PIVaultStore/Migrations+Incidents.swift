extension Migrations {
    /// Tables of sharing, anomaly detection and incidents (PIPL Art. 21–23,
    /// 38–39, 51, 57): incident records, the subjects each affected, the breach
    /// notices produced with their delivery status, anomaly alerts and the
    /// actors they suspended. Versions 550–599.
    static func incidents(_ dialect: DatabaseDialect) -> [Migration] {
        [
            (550, [
                "CREATE TABLE incidents (incident_id TEXT PRIMARY KEY, summary TEXT NOT NULL, occurred_at BIGINT NOT NULL, discovered_at BIGINT NOT NULL, recorded_at BIGINT NOT NULL, recorded_by TEXT NOT NULL, categories TEXT NOT NULL, affected_count BIGINT NOT NULL, cause TEXT NOT NULL, harm TEXT NOT NULL, measures TEXT NOT NULL, advice TEXT NOT NULL, notified_at BIGINT)",
                "CREATE TABLE incident_subjects (incident_id TEXT NOT NULL, subject_id TEXT NOT NULL, PRIMARY KEY (incident_id, subject_id))",
                "CREATE INDEX incident_subjects_subject ON incident_subjects (subject_id)",
                "CREATE TABLE incident_notices (incident_id TEXT NOT NULL, notice_id TEXT NOT NULL, audience TEXT NOT NULL, subject_id TEXT, produced_at BIGINT NOT NULL, delivered_at BIGINT, attempts BIGINT NOT NULL DEFAULT 0, last_error TEXT, PRIMARY KEY (incident_id, notice_id))",
                "CREATE TABLE anomaly_alerts (alert_id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, observed BIGINT NOT NULL, baseline BIGINT NOT NULL, window_seconds BIGINT NOT NULL, raised_at BIGINT NOT NULL, suspended BIGINT NOT NULL)",
                "CREATE INDEX anomaly_alerts_raised ON anomaly_alerts (raised_at)",
                "CREATE TABLE actor_suspensions (actor TEXT PRIMARY KEY, alert_id TEXT NOT NULL, rule_id TEXT NOT NULL, reason TEXT NOT NULL, suspended_at BIGINT NOT NULL, lifted_at BIGINT, lifted_by TEXT)",
            ]),
            // Art. 57(2): why the people affected were not notified, when the handler so decided.
            (551, [
                "ALTER TABLE incidents ADD COLUMN individuals_exemption TEXT",
            ]),
        ]
    }
}
