import PIVaultCore

/// A request to give a subject's data to a recipient for a purpose
/// (PIPL Art. 21, 23, 38–39): a purpose-bound read whose output goes to the recipient.
public struct TransferRequest: Sendable, Hashable {
    /// Who sends.
    public var actor: Actor
    /// The subject.
    public var subjectID: String
    /// The purpose the transfer serves; it must name the recipient.
    public var purpose: String
    /// The recipient's id in the registry.
    public var recipient: String
    /// The fields to send; nil means every field the purpose covers.
    public var fields: [String]?

    /// Creates a request.
    public init(actor: Actor, subjectID: String, purpose: String, recipient: String, fields: [String]? = nil) {
        self.actor = actor
        self.subjectID = subjectID
        self.purpose = purpose
        self.recipient = recipient
        self.fields = fields
    }

    /// The read the transfer performs.
    public var accessRequest: AccessRequest {
        AccessRequest(actor: actor, subjectID: subjectID, purpose: purpose, fields: fields)
    }
}
