extension Migrations {
    /// Personal-information protection impact assessments (PIPL Art. 55–56),
    /// each bound to the definition of the purpose it assessed. Rows are
    /// never updated or deleted by the vault: Art. 56 keeps them at least three years.
    static func assessments(_ dialect: DatabaseDialect) -> [Migration] {
        [
            (530, [
                "CREATE TABLE impact_assessments (assessment_id TEXT PRIMARY KEY, purpose TEXT NOT NULL, definition_version TEXT NOT NULL, processing TEXT NOT NULL, risks TEXT NOT NULL, measures TEXT NOT NULL, conclusion TEXT NOT NULL, assessor TEXT NOT NULL, assessed_on TEXT NOT NULL, recorded_at BIGINT NOT NULL, keep_until BIGINT NOT NULL, recorded_by TEXT NOT NULL)",
                "CREATE INDEX impact_assessments_purpose ON impact_assessments (purpose, definition_version)",
            ]),
        ]
    }
}
