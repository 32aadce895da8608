import PIVaultCore

/// A registered recipient, the purposes that name it, and whether its contract is in force.
public struct RecipientStatus: Sendable, Hashable {
    /// The recipient.
    public var recipient: Recipient
    /// The purposes that give it data.
    public var purposes: [String]
    /// For an entrusted processor: whether its contract is in force now.
    public var contractInForce: Bool?
}
