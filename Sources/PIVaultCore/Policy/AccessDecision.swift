/// The outcome of ``Policy/decide(_:configuration:context:)``: which fields
/// may be decrypted, which only masked, and what is refused and why.
public struct AccessDecision: Sendable, Hashable {
    /// The overall outcome.
    public enum Outcome: String, Sendable, Hashable {
        /// Every field asked for is permitted (some possibly masked).
        case permit
        /// Some fields are permitted, others refused.
        case partial
        /// Nothing is permitted.
        case deny
    }

    /// The overall outcome.
    public var outcome: Outcome
    /// Fields returned in clear.
    public var permitted: [String]
    /// Fields returned in their masked display form.
    public var masked: [String]
    /// Refusals, with reasons and articles.
    public var denials: [Denial]
    /// Fields among `permitted` and `masked` whose category is sensitive (PIPL Art. 28).
    public var sensitive: [String]
    /// The legal basis the read rests on, when it is permitted.
    public var basis: LegalBasis?

    /// Creates a decision.
    public init(outcome: Outcome, permitted: [String], masked: [String], denials: [Denial], sensitive: [String], basis: LegalBasis?) {
        self.outcome = outcome
        self.permitted = permitted
        self.masked = masked
        self.denials = denials
        self.sensitive = sensitive
        self.basis = basis
    }

    /// A decision refusing everything for one reason.
    public static func deny(_ denial: Denial) -> AccessDecision {
        AccessDecision(outcome: .deny, permitted: [], masked: [], denials: [denial], sensitive: [], basis: nil)
    }

    /// Every field the store must fetch and decrypt: permitted and masked, nothing else.
    public var fieldsToDecrypt: [String] { permitted + masked }
}
