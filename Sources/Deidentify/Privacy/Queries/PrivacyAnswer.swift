/// A differentially private answer with the parameters it used and its accuracy.
public struct PrivacyAnswer: Sendable, Codable {
    /// One group's released values; the half-widths bound the noise with 95 % probability.
    public struct Group: Sendable, Codable, Equatable {
        /// The group key.
        public var key: String
        /// Noisy count.
        public var count: Double?
        /// Noisy sum.
        public var sum: Double?
        /// Noisy mean (sum over count, clamped to the bounds).
        public var mean: Double?
        /// 95 % half-width of the count's noise.
        public var countHalfWidth95: Double?
        /// 95 % half-width of the sum's noise.
        public var sumHalfWidth95: Double?
        /// Approximate 95 % half-width of the mean (first-order propagation of the sum's and count's).
        public var meanHalfWidth95: Double?
    }

    /// One noisy component of the query and its share of the budget.
    public struct Component: Sendable, Codable, Equatable {
        /// "count" or "sum".
        public var role: String
        /// The calibrated noise.
        public var noise: PrivacyNoise
        /// Noise scale in result units (Laplace b or Gaussian σ).
        public var scale: Double
    }

    /// The statistic.
    public var statistic: PrivacyQuery.Statistic
    /// The grouping column.
    public var groupBy: String?
    /// The value column.
    public var value: String?
    /// The clamping bounds `[lo, hi]`.
    public var bounds: [Double]?
    /// The mechanism.
    public var mechanism: PrivacyMechanism
    /// Total ε charged.
    public var epsilon: Double
    /// Total δ charged.
    public var delta: Double
    /// The noisy components.
    public var components: [Component]
    /// How group keys were chosen.
    public var groupSelection: String
    /// The noisy-count threshold for keys found in the data, if used.
    public var threshold: Double?
    /// The released groups, sorted by key.
    public var groups: [Group]
    /// The dataset's balance after this query.
    public var balance: PrivacyBudgetBalance
    /// What the accuracy figures mean.
    public var accuracy: String
}
