import Foundation

/// A stored health code: the link from its random id to its subject, and
/// the signed "HC1:" text (which itself names nobody).
public struct HealthCodeRow: Sendable, Hashable {
    /// The subject the code was issued for.
    public var subjectID: String
    /// The random code id carried in the payload.
    public var codeID: String
    /// The issuer that signed it.
    public var issuerID: String
    /// green, yellow or red.
    public var status: String
    /// Start of validity.
    public var validFrom: Date
    /// End of validity.
    public var validUntil: Date
    /// The purpose it was issued under.
    public var purpose: String
    /// Who issued it (a staff id or token name).
    public var actor: String
    /// When it was issued.
    public var issuedAt: Date
    /// The "HC1:" string.
    public var code: String
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// Creates a row.
    public init(subjectID: String, codeID: String, issuerID: String, status: String, validFrom: Date, validUntil: Date,
                purpose: String, actor: String, issuedAt: Date, code: String, revokedAt: Date? = nil) {
        self.subjectID = subjectID
        self.codeID = codeID
        self.issuerID = issuerID
        self.status = status
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.purpose = purpose
        self.actor = actor
        self.issuedAt = issuedAt
        self.code = code
        self.revokedAt = revokedAt
    }
}
