import Foundation
import PIVaultStore

/// A health code the vault issued: its id, the signed "HC1:" text, and what
/// it certifies. The subject id is the vault's link; the code never carries it.
public struct VaultHealthCode: Sendable, Hashable {
    /// The random code id (32 hex characters), also inside the payload.
    public var codeID: String
    /// The subject it was issued for (kept by the vault only).
    public var subjectID: String
    /// green, yellow or red.
    public var status: String
    /// Start of validity.
    public var validFrom: Date
    /// End of validity.
    public var validUntil: Date
    /// The issuing authority's name.
    public var issuer: String
    /// The purpose it was issued under.
    public var purpose: String
    /// The "HC1:" string to render as a QR code.
    public var text: String
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    init(_ row: HealthCodeRow, issuer: String) {
        codeID = row.codeID
        subjectID = row.subjectID
        status = row.status
        validFrom = row.validFrom
        validUntil = row.validUntil
        self.issuer = issuer
        purpose = row.purpose
        text = row.code
        revokedAt = row.revokedAt
    }
}
