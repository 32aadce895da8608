/// One piece of personal information found in a text.
///
/// Offsets are Unicode code-point (scalar) offsets, end exclusive, the convention of
/// `../shared/testdata/pii/README.md` and of `pivault scan --jsonl`.
public struct PIISpan: Sendable, Hashable, Encodable {
    /// Code-point offset of the first character.
    public var start: Int
    /// Code-point offset one past the last character.
    public var end: Int
    /// The kind of information.
    public var type: PIIType
    /// How sure the rule is, from 0 to 1; a validated check character gives 0.95 or more.
    public var confidence: Double
    /// Stable identifier of the rule that fired, e.g. `cn_id.mod11_2`.
    ///
    /// Rule names are static text, which keeps spans plain values: copying and sorting
    /// them in the scanner's hot path involves no reference counting.
    public let ruleName: StaticString

    /// The rule name as a string.
    public var rule: String { ruleName.description }

    /// Creates a span.
    public init(start: Int, end: Int, type: PIIType, confidence: Double, rule: StaticString) {
        self.start = start
        self.end = end
        self.type = type
        self.confidence = confidence
        self.ruleName = rule
    }

    private enum CodingKeys: String, CodingKey { case start, end, type, confidence, rule }

    /// Encodes offsets, type, confidence and rule name.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(type, forKey: .type)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(rule, forKey: .rule)
    }

    /// Spans are equal when offsets, type, confidence and rule are.
    public static func == (a: PIISpan, b: PIISpan) -> Bool {
        a.start == b.start && a.end == b.end && a.type == b.type && a.confidence == b.confidence && a.rule == b.rule
    }

    /// Hashes the same fields as `==`.
    public func hash(into h: inout Hasher) {
        h.combine(start); h.combine(end); h.combine(type); h.combine(confidence); h.combine(rule)
    }

    /// Number of code points covered.
    public var length: Int { end - start }

    /// Whether two spans share at least one code point.
    public func overlaps(_ other: PIISpan) -> Bool { start < other.end && other.start < end }
}
