import PIVaultCore

/// A 1:N identification: a probe template compared, inside the vault, with
/// every enrolled template of an identification purpose (PIPL Art. 26).
public struct BiometricIdentifyRequest: Sendable {
    /// Who searches.
    public var actor: Actor
    /// The identification purpose (`identification: true`).
    public var purpose: String
    /// The probe: a list of numbers of the declared dimensions.
    public var template: JSONValue
    /// The most candidates returned.
    public var limit: Int

    /// Creates a request.
    public init(actor: Actor, purpose: String, template: JSONValue, limit: Int = 5) {
        self.actor = actor
        self.purpose = purpose
        self.template = template
        self.limit = limit
    }
}

/// The answer of a 1:N identification: only pseudonymous subject ids and
/// scores at or above the purpose's threshold — never a template.
public struct BiometricIdentification: Sendable, Hashable, Codable {
    /// One candidate.
    public struct Candidate: Sendable, Hashable, Codable {
        /// The subject's pseudonymous id.
        public var subjectID: String
        /// The best cosine similarity among the subject's templates.
        public var score: Double
    }

    /// The purpose searched under.
    public var purpose: String
    /// The modality compared.
    public var modality: String
    /// The threshold a candidate reached.
    public var threshold: Double
    /// How many people's templates were compared.
    public var compared: Int
    /// Candidates, best first.
    public var candidates: [Candidate]
}
