import Foundation
import SQLKit

extension StoreSession {
    // MARK: Issuers

    /// Stores a new issuer.
    public func insertHealthCodeIssuer(_ issuer: HealthCodeIssuerRow) async throws {
        try await database.raw("INSERT INTO health_code_issuers (issuer_id, name, certificate, key_version, wrapped_key, created_at) VALUES (\(bind: issuer.id), \(bind: issuer.name), \(bind: issuer.certificatePEM), \(bind: issuer.keyVersion), \(bind: issuer.wrappedKey), \(bind: issuer.createdAt.storedMilliseconds))").run()
    }

    /// Every issuer, oldest first (the newest one issues).
    public func healthCodeIssuers() async throws -> [HealthCodeIssuerRow] {
        try await database.raw("SELECT issuer_id, name, certificate, key_version, wrapped_key, created_at FROM health_code_issuers ORDER BY created_at, issuer_id").all().map { row in
            HealthCodeIssuerRow(
                id: try row.decode(column: "issuer_id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                certificatePEM: try row.decode(column: "certificate", as: String.self),
                keyVersion: try row.decode(column: "key_version", as: Int.self),
                wrappedKey: try row.decode(column: "wrapped_key", as: Data.self),
                createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    /// Replaces an issuer's wrapped key, only if it is still under `oldVersion`.
    public func replaceHealthCodeIssuerKey(_ issuerID: String, from oldVersion: Int, to version: Int, wrappedKey: Data) async throws {
        try await database.raw("UPDATE health_code_issuers SET key_version = \(bind: version), wrapped_key = \(bind: wrappedKey) WHERE issuer_id = \(bind: issuerID) AND key_version = \(bind: oldVersion)").run()
    }

    // MARK: Codes

    /// Stores an issued code as the subject's latest.
    public func insertHealthCode(_ code: HealthCodeRow) async throws {
        try await database.raw("""
            INSERT INTO health_codes (subject_id, code_id, issuer_id, status, valid_from, valid_until, purpose, actor, issued_at, issue_seq, code)
            SELECT \(bind: code.subjectID), \(bind: code.codeID), \(bind: code.issuerID), \(bind: code.status), \(bind: code.validFrom.storedMilliseconds), \(bind: code.validUntil.storedMilliseconds), \(bind: code.purpose), \(bind: code.actor), \(bind: code.issuedAt.storedMilliseconds), COALESCE(MAX(issue_seq), 0) + 1, \(bind: code.code)
            FROM health_codes WHERE subject_id = \(bind: code.subjectID)
            """).run()
    }

    /// A code by its id.
    public func healthCode(_ codeID: String) async throws -> HealthCodeRow? {
        try await database.raw("SELECT \(unsafeRaw: Self.healthCodeColumns) FROM health_codes WHERE code_id = \(bind: codeID)").first().map(Self.healthCodeRow)
    }

    /// A subject's codes, latest first.
    public func healthCodes(subjectID: String) async throws -> [HealthCodeRow] {
        try await database.raw("SELECT \(unsafeRaw: Self.healthCodeColumns) FROM health_codes WHERE subject_id = \(bind: subjectID) ORDER BY issue_seq DESC").all().map(Self.healthCodeRow)
    }

    /// Revokes one code; returns false when it does not exist.
    public func revokeHealthCode(_ codeID: String, at date: Date) async throws -> Bool {
        let exists = try await database.raw("SELECT code_id FROM health_codes WHERE code_id = \(bind: codeID)").first() != nil
        try await database.raw("UPDATE health_codes SET revoked_at = \(bind: date.storedMilliseconds) WHERE code_id = \(bind: codeID) AND revoked_at IS NULL").run()
        return exists
    }

    /// On erasure: revokes every code of the subject and scrubs what they
    /// certified (status and signed text), keeping only the random code ids
    /// the revocation list needs. Returns how many codes there were.
    public func eraseHealthCodes(subjectID: String, at date: Date) async throws -> Int {
        let count = try await database.raw("SELECT COUNT(*) AS n FROM health_codes WHERE subject_id = \(bind: subjectID)").first()?.decode(column: "n", as: Int.self) ?? 0
        try await database.raw("UPDATE health_codes SET revoked_at = COALESCE(revoked_at, \(bind: date.storedMilliseconds)), status = \(bind: Self.erasedHealthCodeStatus), code = '' WHERE subject_id = \(bind: subjectID)").run()
        return count
    }

    /// The status a scrubbed code row holds after its subject was erased.
    public static let erasedHealthCodeStatus = "erased"

    /// Ids of revoked codes that are still within their validity at `date`
    /// (an expired code fails verification anyway, so the list stays short),
    /// plus the codes of erased subjects.
    public func revokedHealthCodeIDs(validAt date: Date) async throws -> [String] {
        try await database.raw("""
            SELECT c.code_id FROM health_codes c JOIN subjects s ON s.subject_id = c.subject_id
            WHERE (c.revoked_at IS NOT NULL OR s.erased_at IS NOT NULL) AND c.valid_until >= \(bind: date.storedMilliseconds)
            ORDER BY c.code_id
            """).all().map { try $0.decode(column: "code_id", as: String.self) }
    }

    static let healthCodeColumns = "subject_id, code_id, issuer_id, status, valid_from, valid_until, purpose, actor, issued_at, code, revoked_at"

    static func healthCodeRow(_ row: any SQLRow) throws -> HealthCodeRow {
        HealthCodeRow(
            subjectID: try row.decode(column: "subject_id", as: String.self),
            codeID: try row.decode(column: "code_id", as: String.self),
            issuerID: try row.decode(column: "issuer_id", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            validFrom: Date(storedMilliseconds: try row.decode(column: "valid_from", as: Int64.self)),
            validUntil: Date(storedMilliseconds: try row.decode(column: "valid_until", as: Int64.self)),
            purpose: try row.decode(column: "purpose", as: String.self),
            actor: try row.decode(column: "actor", as: String.self),
            issuedAt: Date(storedMilliseconds: try row.decode(column: "issued_at", as: Int64.self)),
            code: try row.decode(column: "code", as: String.self),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).storedDate)
    }
}
