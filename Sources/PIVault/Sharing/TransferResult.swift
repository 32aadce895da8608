import PIVaultCore

/// What a transfer gave: the recipient and the data, with its log index.
public struct TransferResult: Sendable {
    /// The recipient.
    public var recipient: Recipient
    /// The data sent, as the policy allowed it.
    public var access: AccessResult
}
