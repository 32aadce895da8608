import HealthCode

/// The newest issuer with its key unwrapped, cached by the vault so issuing
/// does not unwrap the key and parse the certificate for every code.
struct LoadedHealthCodeIssuer: Sendable {
    /// The issuer's id in the vault.
    var id: String
    /// The key and certificate.
    var issuer: HealthCodeIssuer
}
