/// A request to read a subject's personal information for a purpose.
public struct AccessRequest: Sendable, Hashable {
    /// Who asks.
    public var actor: Actor
    /// The subject's pseudonymous id.
    public var subjectID: String
    /// The purpose the read is for.
    public var purpose: String
    /// The fields asked for; nil means every field the purpose covers.
    public var fields: [String]?

    /// Creates a request.
    public init(actor: Actor, subjectID: String, purpose: String, fields: [String]? = nil) {
        self.actor = actor
        self.subjectID = subjectID
        self.purpose = purpose
        self.fields = fields
    }
}
