/// Precision, recall and F1 of one type under exact span matching.
public struct TypeScore: Sendable, Hashable, Codable {
    /// Spans found with the gold start, end and type.
    public var truePositives = 0
    /// Spans found that match no gold span of the type.
    public var falsePositives = 0
    /// Gold spans not found exactly.
    public var falseNegatives = 0

    /// Creates an empty score.
    public init() {}

    /// Number of gold spans.
    public var support: Int { truePositives + falseNegatives }

    /// Share of reported spans that are correct; 1 when nothing was reported and nothing was expected.
    public var precision: Double {
        let d = truePositives + falsePositives
        return d == 0 ? (falseNegatives == 0 ? 1 : 0) : Double(truePositives) / Double(d)
    }

    /// Share of gold spans found; 1 when there were none.
    public var recall: Double {
        let d = truePositives + falseNegatives
        return d == 0 ? (falsePositives == 0 ? 1 : 0) : Double(truePositives) / Double(d)
    }

    /// Harmonic mean of precision and recall.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
