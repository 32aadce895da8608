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
    public var rule: String {
        get { ruleName.description }
        set { ruleName = RuleName(newValue) }
    }

    // Rule names are static text in the recognizers; holding them as `StaticString` keeps
    // span copies free of reference counting in the scanning hot path.
    private var ruleName: RuleName

    /// Creates a span.
    public init(start: Int, end: Int, type: PIIType, confidence: Double, rule: String) {
        self.init(start: start, end: end, type: type, confidence: confidence, ruleName: RuleName(rule))
    }

    init(start: Int, end: Int, type: PIIType, confidence: Double, rule: StaticString) {
        self.init(start: start, end: end, type: type, confidence: confidence, ruleName: .fixed(rule))
    }

    private init(start: Int, end: Int, type: PIIType, confidence: Double, ruleName: RuleName) {
        self.start = start
        self.end = end
        self.type = type
        self.confidence = confidence
        self.ruleName = ruleName
    }

    private enum CodingKeys: String, CodingKey { case start, end, type, confidence, rule }

    /// Decodes a span.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
                  type: try c.decode(PIIType.self, forKey: .type), confidence: try c.decode(Double.self, forKey: .confidence),
                  rule: try c.decode(String.self, forKey: .rule))
    }

    /// Encodes a span.
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

    private enum RuleName: Sendable, CustomStringConvertible {
        case fixed(StaticString)
        case dynamic(String)
        init(_ s: String) { self = .dynamic(s) }
        var description: String {
            switch self {
            case .fixed(let s): return s.description
            case .dynamic(let s): return s
            }
        }
    }

    /// Number of code points covered.
    public var length: Int { end - start }

    /// Whether two spans share at least one code point.
    public func overlaps(_ other: PIISpan) -> Bool { start < other.end && other.start < end }
}
