import Foundation

/// A key sealed under one master-key version, as stored.
public struct WrappedKey: Sendable, Hashable {
    /// The master-key version that wraps it.
    public var version: Int
    /// Nonce ‖ ciphertext ‖ tag.
    public var sealed: Data

    /// Creates a wrapped key.
    public init(version: Int, sealed: Data) {
        self.version = version
        self.sealed = sealed
    }
}
