import Foundation

/// What `healthcode keys init` reports about a new issuer: nothing secret.
public struct HealthCodeIssuerInfo: Sendable, Hashable {
    /// The issuer's id in the vault.
    public var id: String
    /// The issuing authority's name.
    public var name: String
    /// The COSE key id (hex) verifiers will look up.
    public var keyID: String
    /// Start of the certificate's validity.
    public var notBefore: Date
    /// End of the certificate's validity.
    public var notAfter: Date
}
