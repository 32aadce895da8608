import PIVaultCore

/// A record offered for collection.
public struct Submission: Sendable {
    /// The collection standard it claims to follow.
    public var standard: String
    /// The purpose it is collected for.
    public var purpose: String
    /// An existing subject, or nil to create one.
    public var subjectID: String?
    /// The values, as submitted.
    public var values: [String: JSONValue]
    /// For consent-based purposes: the subject consents now, at collection, having been shown the current notice (PIPL Art. 14).
    public var consentGiven: Bool
    /// For a subject under 14 consenting at collection: a reference to the guardian's consent (PIPL Art. 31).
    public var guardian: String?

    /// Creates a submission.
    public init(standard: String, purpose: String, subjectID: String? = nil, values: [String: JSONValue], consentGiven: Bool = false, guardian: String? = nil) {
        self.standard = standard
        self.purpose = purpose
        self.subjectID = subjectID
        self.values = values
        self.consentGiven = consentGiven
        self.guardian = guardian
    }
}
