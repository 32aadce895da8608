import PIVaultCore

/// A 1:1 verification: does this probe template belong to this subject? (PIPL Art. 26, 29)
public struct BiometricMatchRequest: Sendable {
    /// Who asks.
    public var actor: Actor
    /// The subject claimed.
    public var subjectID: String
    /// The biometric purpose the match serves.
    public var purpose: String
    /// The probe template, as submitted (an array of numbers, or an object with `template` and `modality`).
    public var template: JSONValue

    /// Creates a request.
    public init(actor: Actor, subjectID: String, purpose: String, template: JSONValue) {
        self.actor = actor
        self.subjectID = subjectID
        self.purpose = purpose
        self.template = template
    }
}
