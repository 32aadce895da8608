import Foundation
import SQLKit

extension StoreSession {
    // MARK: Biometric keys

    /// A subject's wrapped biometric key (version and sealed key), or nil when it has none.
    public func biometricKey(_ subjectID: String) async throws -> (version: Int, wrappedKey: Data)? {
        guard let row = try await database.raw("SELECT key_version, wrapped_key FROM biometric_keys WHERE subject_id = \(bind: subjectID)").first() else { return nil }
        return (try row.decode(column: "key_version", as: Int.self), try row.decode(column: "wrapped_key", as: Data.self))
    }

    /// Stores new biometric keys.
    public func insertBiometricKeys(_ keys: [(subjectID: String, version: Int, wrappedKey: Data, createdAt: Date)]) async throws {
        for chunk in keys.chunked(200) {
            try await database.insert(into: "biometric_keys").columns("subject_id", "key_version", "wrapped_key", "created_at")
                .boundRows(chunk.map { [$0.subjectID, $0.version, $0.wrappedKey, $0.createdAt.storedMilliseconds] }).run()
        }
    }

    /// Up to `limit` biometric keys wrapped under a version other than `version`, after `cursor`.
    public func biometricKeys(notWrappedUnder version: Int, after cursor: String, limit: Int) async throws -> [(subjectID: String, version: Int, wrappedKey: Data)] {
        try await database.raw("SELECT subject_id, key_version, wrapped_key FROM biometric_keys WHERE key_version <> \(bind: version) AND subject_id > \(bind: cursor) ORDER BY subject_id LIMIT \(bind: limit)")
            .all().map { row in
                (try row.decode(column: "subject_id", as: String.self), try row.decode(column: "key_version", as: Int.self), try row.decode(column: "wrapped_key", as: Data.self))
            }
    }

    /// Replaces a biometric key's wrapping, only if it is still the one read (so a concurrent erase wins).
    public func replaceBiometricKey(_ subjectID: String, from oldVersion: Int, to version: Int, wrappedKey: Data) async throws {
        try await database.raw("UPDATE biometric_keys SET key_version = \(bind: version), wrapped_key = \(bind: wrappedKey) WHERE subject_id = \(bind: subjectID) AND key_version = \(bind: oldVersion)").run()
    }

    /// How many biometric keys each master-key version wraps.
    public func biometricKeyCounts() async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await database.raw("SELECT key_version, COUNT(*) AS n FROM biometric_keys GROUP BY key_version").all() {
            counts[try row.decode(column: "key_version", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    // MARK: Templates

    /// Stores sealed templates.
    public func insertBiometricTemplates(_ templates: [BiometricTemplateRow]) async throws {
        for chunk in templates.chunked(200) {
            try await database.insert(into: "biometric_templates")
                .columns("subject_id", "template_id", "record_id", "standard", "field", "purpose", "modality", "dimensions", "derived_from_raw", "collected_at", "retain_until", "ciphertext")
                .boundRows(chunk.map { row -> [any Encodable & Sendable] in
                    [row.subjectID, row.templateID, row.recordID, row.standard, row.field, row.purpose, row.modality, row.dimensions,
                     row.derivedFromRaw ? 1 : 0, row.collectedAt.storedMilliseconds, row.retainUntil.storedMilliseconds, row.ciphertext ?? Data()]
                }).run()
        }
    }

    /// A subject's templates; with `sealed` their ciphertexts too, otherwise only what they are.
    public func biometricTemplates(subjectID: String, sealed: Bool) async throws -> [BiometricTemplateRow] {
        let columns = "subject_id, template_id, record_id, standard, field, purpose, modality, dimensions, derived_from_raw, collected_at, retain_until" + (sealed ? ", ciphertext" : "")
        return try await database.raw("SELECT \(unsafeRaw: columns) FROM biometric_templates WHERE subject_id = \(bind: subjectID) ORDER BY collected_at, template_id")
            .all().map { try Self.templateRow($0, sealed: sealed) }
    }

    /// Every sealed template of `field` collected for `purpose` under
    /// `standards`, of every subject: what a 1:N identification compares a
    /// probe against (templates collected for other purposes are not searched, PIPL Art. 6).
    public func biometricTemplates(field: String, purpose: String, standards: [String]) async throws -> [BiometricTemplateRow] {
        guard !standards.isEmpty else { return [] }
        return try await database.raw("""
            SELECT subject_id, template_id, record_id, standard, field, purpose, modality, dimensions, derived_from_raw, collected_at, retain_until, ciphertext
            FROM biometric_templates WHERE field = \(bind: field) AND purpose = \(bind: purpose) AND standard IN (\(binds: standards)) ORDER BY subject_id, collected_at, template_id
            """).all().map { try Self.templateRow($0, sealed: true) }
    }

    static func templateRow(_ row: any SQLRow, sealed: Bool) throws -> BiometricTemplateRow {
        BiometricTemplateRow(
            subjectID: try row.decode(column: "subject_id", as: String.self),
            templateID: try row.decode(column: "template_id", as: String.self),
            recordID: try row.decode(column: "record_id", as: String.self),
            standard: try row.decode(column: "standard", as: String.self),
            field: try row.decode(column: "field", as: String.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            modality: try row.decode(column: "modality", as: String.self),
            dimensions: try row.decode(column: "dimensions", as: Int.self),
            derivedFromRaw: try row.decode(column: "derived_from_raw", as: Int.self) != 0,
            collectedAt: Date(storedMilliseconds: try row.decode(column: "collected_at", as: Int64.self)),
            retainUntil: Date(storedMilliseconds: try row.decode(column: "retain_until", as: Int64.self)),
            ciphertext: sealed ? try row.decode(column: "ciphertext", as: Data.self) : nil)
    }

    /// How many distinct people the vault holds biometric templates of.
    public func biometricSubjectCount() async throws -> Int {
        try await database.raw("SELECT COUNT(DISTINCT subject_id) AS n FROM biometric_templates").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Deletes a subject's biometric key and templates (erasure: the key is destroyed, so backups become unreadable).
    public func destroyBiometricData(_ subjectID: String) async throws {
        try await database.raw("DELETE FROM biometric_keys WHERE subject_id = \(bind: subjectID)").run()
        try await database.raw("DELETE FROM biometric_templates WHERE subject_id = \(bind: subjectID)").run()
    }
}
