extension Migrations {
    /// Tables of biometric information (PIPL Art. 26, 28–29): each subject's
    /// own biometric key, wrapped by the master key apart from the identity
    /// data key, and the sealed templates, kept apart from identity records so
    /// an identity read never touches them. Raw captures are never stored.
    /// Versions 500–529.
    static func biometrics(_ dialect: DatabaseDialect) -> [Migration] {
        let blob = dialect.blobType
        return [
            (500, [
                "CREATE TABLE biometric_keys (subject_id TEXT PRIMARY KEY, key_version BIGINT NOT NULL, wrapped_key \(blob) NOT NULL, created_at BIGINT NOT NULL)",
                "CREATE INDEX biometric_keys_key_version ON biometric_keys (key_version)",
                "CREATE TABLE biometric_templates (subject_id TEXT NOT NULL, template_id TEXT NOT NULL, record_id TEXT NOT NULL, standard TEXT NOT NULL, field TEXT NOT NULL, purpose TEXT NOT NULL, modality TEXT NOT NULL, dimensions BIGINT NOT NULL, derived_from_raw BIGINT NOT NULL, collected_at BIGINT NOT NULL, retain_until BIGINT NOT NULL, ciphertext \(blob) NOT NULL, PRIMARY KEY (subject_id, template_id))",
                "CREATE INDEX biometric_templates_retain_until ON biometric_templates (retain_until)",
            ]),
        ]
    }
}
