import Foundation
import SQLKit

/// The vault's queries, run on one database handle: a plain handle or one
/// inside a transaction. Values are bound, never spliced into SQL.
public struct StoreSession: Sendable {
    let database: any SQLDatabase
    let dialect: DatabaseDialect

    // MARK: Metadata and key versions

    /// A metadata value.
    public func meta(_ name: String) async throws -> String? {
        try await database.raw("SELECT value FROM vault_meta WHERE name = \(bind: name)").first()?.decode(column: "value", as: String.self)
    }

    /// Sets a metadata value.
    public func setMeta(_ name: String, _ value: String) async throws {
        try await database.raw("INSERT INTO vault_meta (name, value) VALUES (\(bind: name), \(bind: value)) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run()
    }

    /// Every master-key version the vault knows.
    public func keyVersions() async throws -> [KeyVersionRow] {
        try await database.raw("SELECT version, check_value, created_at, retired_at FROM key_versions ORDER BY version").all().map { row in
            KeyVersionRow(
                version: try row.decode(column: "version", as: Int.self),
                checkValue: try row.decode(column: "check_value", as: String.self),
                createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                retiredAt: try row.decode(column: "retired_at", as: Int64?.self).storedDate)
        }
    }

    /// Records a new master-key version by its check value.
    public func addKeyVersion(_ version: Int, checkValue: String, at date: Date) async throws {
        try await database.raw("INSERT INTO key_versions (version, check_value, created_at) VALUES (\(bind: version), \(bind: checkValue), \(bind: date.storedMilliseconds))").run()
    }

    /// Marks a version retired.
    public func retireKeyVersion(_ version: Int, at date: Date) async throws {
        try await database.raw("UPDATE key_versions SET retired_at = \(bind: date.storedMilliseconds) WHERE version = \(bind: version)").run()
    }

    /// How many subject keys each master-key version wraps.
    public func subjectKeyCounts() async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await database.raw("SELECT key_version, COUNT(*) AS n FROM subjects WHERE key_version IS NOT NULL GROUP BY key_version").all() {
            counts[try row.decode(column: "key_version", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    // MARK: Subjects

    /// Inserts a subject with its wrapped data key.
    public func insertSubject(_ subjectID: String, keyVersion: Int, wrappedKey: Data, at date: Date) async throws {
        try await database.raw("INSERT INTO subjects (subject_id, created_at, key_version, wrapped_key) VALUES (\(bind: subjectID), \(bind: date.storedMilliseconds), \(bind: keyVersion), \(bind: wrappedKey))").run()
    }

    /// Inserts many subjects at once, each with its sealed log commitment salt when `logSalts` has one.
    public func insertSubjects(_ subjects: [(id: String, keyVersion: Int, wrappedKey: Data, createdAt: Date)], logSalts: [String: Data] = [:]) async throws {
        for chunk in subjects.chunked(200) {
            try await database.insert(into: "subjects").columns("subject_id", "created_at", "key_version", "wrapped_key", "log_salt")
                .boundRows(chunk.map { [$0.id, $0.createdAt.storedMilliseconds, $0.keyVersion, $0.wrappedKey, logSalts[$0.id]] }).run()
        }
    }

    /// A subject's key row, or nil if the subject never existed.
    public func subjectKey(_ subjectID: String) async throws -> SubjectKeyRow? {
        guard let row = try await database.raw("SELECT subject_id, key_version, wrapped_key, erased_at FROM subjects WHERE subject_id = \(bind: subjectID)").first() else { return nil }
        return try Self.subjectKeyRow(row)
    }

    /// The key rows of `subjectIDs` that exist, by subject.
    public func subjectKeys(_ subjectIDs: [String]) async throws -> [String: SubjectKeyRow] {
        var found: [String: SubjectKeyRow] = [:]
        for chunk in subjectIDs.chunked(500) {
            for row in try await database.raw("SELECT subject_id, key_version, wrapped_key, erased_at FROM subjects WHERE subject_id IN (\(binds: Array(chunk)))").all() {
                let key = try Self.subjectKeyRow(row)
                found[key.subjectID] = key
            }
        }
        return found
    }

    static func subjectKeyRow(_ row: any SQLRow) throws -> SubjectKeyRow {
        SubjectKeyRow(
            subjectID: try row.decode(column: "subject_id", as: String.self),
            keyVersion: try row.decode(column: "key_version", as: Int?.self),
            wrappedKey: try row.decode(column: "wrapped_key", as: Data?.self),
            erasedAt: try row.decode(column: "erased_at", as: Int64?.self).storedDate)
    }

    /// Up to `limit` live subject keys wrapped under a version other than `version`, after `cursor`.
    public func subjectKeys(notWrappedUnder version: Int, after cursor: String, limit: Int) async throws -> [SubjectKeyRow] {
        try await database.raw("SELECT subject_id, key_version, wrapped_key, erased_at FROM subjects WHERE wrapped_key IS NOT NULL AND key_version <> \(bind: version) AND subject_id > \(bind: cursor) ORDER BY subject_id LIMIT \(bind: limit)")
            .all().map(Self.subjectKeyRow)
    }

    /// Replaces a subject's wrapped key, only if it is still the one read (so a concurrent erase wins).
    public func replaceSubjectKey(_ subjectID: String, from oldVersion: Int, to version: Int, wrappedKey: Data) async throws {
        try await database.raw("UPDATE subjects SET key_version = \(bind: version), wrapped_key = \(bind: wrappedKey) WHERE subject_id = \(bind: subjectID) AND key_version = \(bind: oldVersion) AND wrapped_key IS NOT NULL").run()
    }

    /// Destroys a subject's data key (crypto-shredding) and marks the subject erased.
    public func destroySubjectKey(_ subjectID: String, at date: Date) async throws {
        try await database.raw("UPDATE subjects SET wrapped_key = NULL, key_version = NULL, erased_at = \(bind: date.storedMilliseconds) WHERE subject_id = \(bind: subjectID)").run()
        // The subject's biometric key and templates go in the same transaction (PIPL Art. 47).
        try await destroyBiometricData(subjectID)
    }

    /// Deletes every row a subject's data lives in, except the subject's tombstone.
    public func deleteSubjectData(_ subjectID: String) async throws -> Int {
        let count = try await database.raw("SELECT COUNT(*) AS n FROM records WHERE subject_id = \(bind: subjectID)").first()?.decode(column: "n", as: Int.self) ?? 0
        for table in ["record_fields", "records", "blind_indexes", "consents", "record_history", "record_restrictions"] {
            try await database.raw("DELETE FROM \(ident: table) WHERE subject_id = \(bind: subjectID)").run()
        }
        return count
    }

    // MARK: Records

    /// Inserts records with their sealed fields and blind indexes.
    public func insertRecords(_ records: [StoredRecord]) async throws {
        for chunk in records.chunked(200) {
            try await database.insert(into: "records").columns("subject_id", "record_id", "standard", "purpose", "collected_at", "retain_until")
                .boundRows(chunk.map { [$0.subjectID, $0.recordID, $0.standard, $0.purpose, $0.collectedAt.storedMilliseconds, $0.retainUntil.storedMilliseconds] }).run()
        }
        let fields = records.flatMap { record in
            record.sealedFields.sorted { $0.key < $1.key }.map { [record.subjectID, record.recordID, $0.key, $0.value] as [any Encodable & Sendable] }
        }
        for chunk in fields.chunked(500) {
            try await database.insert(into: "record_fields").columns("subject_id", "record_id", "field", "ciphertext").boundRows(chunk).run()
        }
        var seen = Set<String>()
        let indexes = records.flatMap { record in
            record.blindIndexes.compactMap { entry -> [any Encodable & Sendable]? in
                seen.insert("\(record.subjectID)|\(entry.kind)|\(entry.digest)").inserted ? [record.subjectID, entry.kind, entry.digest] : nil
            }
        }
        for chunk in indexes.chunked(500) {
            try await database.insert(into: "blind_indexes").columns("subject_id", "kind", "digest").boundRows(chunk)
                .ignoringConflicts().run()
        }
    }

    /// The sealed values of `fields` in the subject's records of `standards` — nothing else is fetched.
    public func sealedFields(subjectID: String, standards: [String], fields: [String]) async throws -> [SealedField] {
        guard !standards.isEmpty, !fields.isEmpty else { return [] }
        return try await database.raw("""
            SELECT r.record_id, r.standard, r.collected_at, f.field, f.ciphertext
            FROM records r JOIN record_fields f ON f.subject_id = r.subject_id AND f.record_id = r.record_id
            WHERE r.subject_id = \(bind: subjectID) AND r.standard IN (\(binds: standards)) AND f.field IN (\(binds: fields))
            ORDER BY r.collected_at, r.record_id, f.field
            """).all().map { row in
            SealedField(
                recordID: try row.decode(column: "record_id", as: String.self),
                standard: try row.decode(column: "standard", as: String.self),
                collectedAt: Date(storedMilliseconds: try row.decode(column: "collected_at", as: Int64.self)),
                field: try row.decode(column: "field", as: String.self),
                ciphertext: try row.decode(column: "ciphertext", as: Data.self))
        }
    }

    /// Subjects whose blind index of `kind` has `digest`.
    public func subjects(withIndex kind: String, digest: String) async throws -> [String] {
        // The whole key is compared here, not in SQL: SQLite would substitute an equality on `digest`
        // into the indexed expression and then no longer use the index.
        let candidates = try await database.raw("SELECT subject_id, kind, digest FROM blind_indexes WHERE \(unsafeRaw: Probe.blindIndex) = \(bind: Probe.prefix(digest))").all()
        var subjects = Set<String>()
        for row in candidates where try row.decode(column: "kind", as: String.self) == kind && row.decode(column: "digest", as: String.self) == digest {
            subjects.insert(try row.decode(column: "subject_id", as: String.self))
        }
        return subjects.sorted()
    }

    /// Counts of subjects, erased subjects and records.
    public func counts() async throws -> (subjects: Int, erased: Int, records: Int) {
        let subjects = try await database.raw("SELECT COUNT(*) AS n FROM subjects").first()?.decode(column: "n", as: Int.self) ?? 0
        let erased = try await database.raw("SELECT COUNT(*) AS n FROM subjects WHERE erased_at IS NOT NULL").first()?.decode(column: "n", as: Int.self) ?? 0
        let records = try await database.raw("SELECT COUNT(*) AS n FROM records").first()?.decode(column: "n", as: Int.self) ?? 0
        return (subjects, erased, records)
    }

    /// Overwrites one sealed field; used by integrity tests and repair tooling.
    public func overwriteCiphertext(subjectID: String, recordID: String, field: String, with data: Data) async throws {
        try await database.raw("UPDATE record_fields SET ciphertext = \(bind: data) WHERE subject_id = \(bind: subjectID) AND record_id = \(bind: recordID) AND field = \(bind: field)").run()
    }

    // MARK: Consents and emergencies

    /// Inserts a consent.
    public func insertConsent(_ consent: ConsentRow) async throws {
        try await database.raw("INSERT INTO consents (subject_id, consent_id, purpose, granted_at, notice_version, method, guardian) VALUES (\(bind: consent.subjectID), \(bind: consent.id), \(bind: consent.purpose), \(bind: consent.grantedAt.storedMilliseconds), \(bind: consent.noticeVersion), \(bind: consent.method), \(bind: consent.guardian))").run()
    }

    /// Marks every live consent of the subject to `purpose` withdrawn; returns how many.
    public func withdrawConsents(subjectID: String, purpose: String, at date: Date) async throws -> Int {
        let live = try await consents(subjectID: subjectID).filter { $0.purpose == purpose && $0.withdrawnAt == nil }
        try await database.raw("UPDATE consents SET withdrawn_at = \(bind: date.storedMilliseconds) WHERE subject_id = \(bind: subjectID) AND purpose = \(bind: purpose) AND withdrawn_at IS NULL").run()
        return live.count
    }

    /// A subject's consents.
    public func consents(subjectID: String) async throws -> [ConsentRow] {
        try await database.raw("SELECT consent_id, subject_id, purpose, granted_at, withdrawn_at, notice_version, method, guardian FROM consents WHERE subject_id = \(bind: subjectID) ORDER BY granted_at").all().map { row in
            ConsentRow(
                id: try row.decode(column: "consent_id", as: String.self),
                subjectID: try row.decode(column: "subject_id", as: String.self),
                purpose: try row.decode(column: "purpose", as: String.self),
                grantedAt: Date(storedMilliseconds: try row.decode(column: "granted_at", as: Int64.self)),
                withdrawnAt: try row.decode(column: "withdrawn_at", as: Int64?.self).storedDate,
                noticeVersion: try row.decode(column: "notice_version", as: String?.self),
                method: try row.decode(column: "method", as: String?.self),
                guardian: try row.decode(column: "guardian", as: String?.self))
        }
    }

    /// Inserts an emergency.
    public func insertEmergency(_ emergency: EmergencyRow) async throws {
        let purposes = emergency.purposes.joined(separator: ",")
        try await database.raw("INSERT INTO emergencies (emergency_id, name, legal_reference, purposes, region, starts_at, ends_at) VALUES (\(bind: emergency.id), \(bind: emergency.name), \(bind: emergency.legalReference), \(bind: purposes), \(bind: emergency.region), \(bind: emergency.startsAt.storedMilliseconds), \(bind: emergency.endsAt?.storedMilliseconds))").run()
    }

    /// Sets an emergency's end.
    public func endEmergency(_ id: String, at date: Date) async throws -> Bool {
        let exists = try await database.raw("SELECT emergency_id FROM emergencies WHERE emergency_id = \(bind: id)").first() != nil
        try await database.raw("UPDATE emergencies SET ends_at = \(bind: date.storedMilliseconds) WHERE emergency_id = \(bind: id)").run()
        return exists
    }

    /// Every emergency.
    public func emergencies() async throws -> [EmergencyRow] {
        try await database.raw("SELECT emergency_id, name, legal_reference, purposes, region, starts_at, ends_at FROM emergencies ORDER BY starts_at").all().map { row in
            EmergencyRow(
                id: try row.decode(column: "emergency_id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                legalReference: try row.decode(column: "legal_reference", as: String.self),
                purposes: try row.decode(column: "purposes", as: String.self).split(separator: ",").map(String.init),
                region: try row.decode(column: "region", as: String?.self),
                startsAt: Date(storedMilliseconds: try row.decode(column: "starts_at", as: Int64.self)),
                endsAt: try row.decode(column: "ends_at", as: Int64?.self).storedDate)
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension SQLInsertBuilder {
    /// Adds each row's values as bound parameters.
    @discardableResult
    public func boundRows(_ rows: some Sequence<[any Encodable & Sendable]>) -> Self {
        rows.reduce(self) { $0.values($1) }
    }
}
