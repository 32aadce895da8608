/// What to protect and how strongly: the privacy models of GB/T 37964-2019
/// §5 (k-anonymity, distinct l-diversity) with record suppression.
public struct AnonymityConfiguration: Sendable {
    /// Quasi-identifier columns: generalised until every combination is shared by at least k rows.
    public var quasiIdentifiers: [String]
    /// Sensitive columns: released as they are; each equivalence class must show at least l distinct values.
    public var sensitiveAttributes: [String]
    /// Minimum equivalence-class size (k ≥ 1, at most the number of rows).
    public var k: Int
    /// Minimum distinct sensitive values per class (1 switches l-diversity off).
    public var l: Int
    /// Largest share of rows that may be suppressed (removed), from 0 to 1.
    public var maxSuppression: Double
    /// Hierarchies chosen per column; others are inferred from the values.
    public var hierarchies: [String: AnonymityHierarchySpec]
    /// Columns removed before release (direct identifiers, pseudonyms, free text).
    public var dropped: [String]

    /// Creates a configuration; by default l-diversity is off and nothing may be suppressed.
    public init(quasiIdentifiers: [String], sensitiveAttributes: [String] = [], k: Int, l: Int = 1,
                maxSuppression: Double = 0, hierarchies: [String: AnonymityHierarchySpec] = [:], dropped: [String] = []) {
        self.quasiIdentifiers = quasiIdentifiers
        self.sensitiveAttributes = sensitiveAttributes
        self.k = k
        self.l = l
        self.maxSuppression = maxSuppression
        self.hierarchies = hierarchies
        self.dropped = dropped
    }
}
