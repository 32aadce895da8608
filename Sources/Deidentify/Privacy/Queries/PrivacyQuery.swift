/// A differentially private statistic over a CSV table, grouped by one column.
public struct PrivacyQuery: Sendable {
    /// The statistic.
    public enum Statistic: String, Sendable, Codable, CaseIterable {
        /// Rows per group (sensitivity 1).
        case count
        /// Sum of a clamped column per group (sensitivity max(|lo|, |hi|)).
        case sum
        /// Noisy sum over noisy count per group, clamped to the bounds.
        case mean
    }

    /// The statistic.
    public var statistic: Statistic
    /// The grouping column; `nil` for one overall group.
    public var groupBy: String?
    /// The numeric column summed or averaged.
    public var value: String?
    /// Clamping bounds for the value (contribution bounding); required for sum and mean.
    public var bounds: (lower: Double, upper: Double)?
    /// Total ε for the query.
    public var epsilon: Double
    /// Total δ for the query (0 for pure ε-DP).
    public var delta: Double
    /// The noise mechanism.
    public var mechanism: PrivacyMechanism
    /// Public list of group keys to report; when `nil`, keys found in the data are released only above a noisy threshold (needs δ > 0).
    public var groups: [String]?

    /// Creates a query.
    public init(statistic: Statistic, groupBy: String? = nil, value: String? = nil, bounds: (lower: Double, upper: Double)? = nil,
                epsilon: Double, delta: Double = 0, mechanism: PrivacyMechanism = .laplace, groups: [String]? = nil) {
        self.statistic = statistic
        self.groupBy = groupBy
        self.value = value
        self.bounds = bounds
        self.epsilon = epsilon
        self.delta = delta
        self.mechanism = mechanism
        self.groups = groups
    }

    /// A description for the ledger: statistic, columns and mechanism, no data values.
    public var summary: String {
        var text = statistic.rawValue
        if let value { text += "(\(value))" }
        if let groupBy { text += " by \(groupBy)" }
        return text + " \(mechanism.rawValue) ε=\(epsilon)" + (delta > 0 ? " δ=\(delta)" : "")
    }
}
