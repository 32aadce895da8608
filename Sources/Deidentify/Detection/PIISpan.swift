/// One piece of personal information found in a text.
///
/// Offsets are Unicode code-point (scalar) offsets, end exclusive, the convention of
/// `../shared/testdata/pii/README.md` and of `pivault scan --jsonl`.
public struct PIISpan: Sendable, Hashable, Codable {
    /// Code-point offset of the first character.
    public var start: Int
    /// Code-point offset one past the last character.
    public var end: Int
    /// The kind of information.
    public var type: PIIType
    /// How sure the rule is, from 0 to 1; a validated check character gives 0.95 or more.
    public var confidence: Double
    /// Stable identifier of the rule that fired, e.g. `cn_id.mod11_2`.
    public var rule: String

    /// Creates a span.
    public init(start: Int, end: Int, type: PIIType, confidence: Double, rule: String) {
        self.start = start
        self.end = end
        self.type = type
        self.confidence = confidence
        self.rule = rule
    }

    /// Number of code points covered.
    public var length: Int { end - start }

    /// Whether two spans share at least one code point.
    public func overlaps(_ other: PIISpan) -> Bool { start < other.end && other.start < end }
}
