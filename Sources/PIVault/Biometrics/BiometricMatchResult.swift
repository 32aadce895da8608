/// The answer of a 1:1 verification: only yes or no and a score. The stored
/// template never leaves the vault.
public struct BiometricMatchResult: Sendable, Hashable, Codable {
    /// Whether the probe matched.
    public var match: Bool
    /// The best cosine similarity of the probe against the subject's templates, in [-1, 1].
    public var score: Double
    /// The similarity the purpose requires.
    public var threshold: Double
    /// The purpose.
    public var purpose: String
    /// The modality compared.
    public var modality: String

    /// Creates a result.
    public init(match: Bool, score: Double, threshold: Double, purpose: String, modality: String) {
        self.match = match
        self.score = score
        self.threshold = threshold
        self.purpose = purpose
        self.modality = modality
    }
}
