/// The three colour states of a health code (GB/T 38961-2020 style).
public enum HealthStatus: String, Sendable, Hashable, CaseIterable {
    /// No restriction.
    case green
    /// Restricted; for example, awaiting a test result.
    case yellow
    /// Quarantine or isolation required.
    case red
}
