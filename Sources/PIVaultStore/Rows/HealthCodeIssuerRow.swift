import Foundation

/// A stored health-code issuer: its certificate and its private key wrapped
/// under a master-key version.
public struct HealthCodeIssuerRow: Sendable, Hashable {
    /// Id.
    public var id: String
    /// The issuing authority's name.
    public var name: String
    /// The self-signed document-signer certificate, PEM.
    public var certificatePEM: String
    /// The master-key version wrapping the private key.
    public var keyVersion: Int
    /// The wrapped private key.
    public var wrappedKey: Data
    /// When it was created.
    public var createdAt: Date

    /// Creates a row.
    public init(id: String, name: String, certificatePEM: String, keyVersion: Int, wrappedKey: Data, createdAt: Date) {
        self.id = id
        self.name = name
        self.certificatePEM = certificatePEM
        self.keyVersion = keyVersion
        self.wrappedKey = wrappedKey
        self.createdAt = createdAt
    }
}
