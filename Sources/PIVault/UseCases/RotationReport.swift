/// What a master-key rotation did.
public struct RotationReport: Sendable, Hashable, Codable {
    /// The new active version.
    public var activeVersion: Int
    /// How many subject data keys were re-wrapped.
    public var rewrapped: Int
}
