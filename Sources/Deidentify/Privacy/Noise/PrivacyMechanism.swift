/// The noise distribution added to a statistic.
public enum PrivacyMechanism: String, Sendable, Codable, CaseIterable {
    /// Discrete Laplace: pure ε-differential privacy.
    case laplace
    /// Discrete Gaussian: ρ-zCDP, converted to (ε, δ)-differential privacy.
    case gaussian
}
