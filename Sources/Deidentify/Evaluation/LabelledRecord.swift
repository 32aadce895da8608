/// One record of a labelled corpus in the format of `../shared/testdata/pii/README.md`.
public struct LabelledRecord: Sendable, Decodable {
    /// A gold span.
    public struct GoldSpan: Sendable, Decodable, Hashable {
        /// Code-point start.
        public var start: Int
        /// Code-point end, exclusive.
        public var end: Int
        /// Type name; unknown names are kept as text so they still count as misses.
        public var type: String
    }

    /// A hard negative: text that looks like personal information but is not.
    public struct Negative: Sendable, Decodable, Hashable {
        /// Code-point start.
        public var start: Int
        /// Code-point end, exclusive.
        public var end: Int
        /// What the text is (order number, date, masked ID …).
        public var kind: String
    }

    /// Record identifier.
    public var id: String?
    /// The text to scan.
    public var text: String
    /// Gold spans.
    public var spans: [GoldSpan]
    /// Hard negatives.
    public var negatives: [Negative]

    private enum CodingKeys: String, CodingKey { case id, text, spans, negatives }

    /// Decodes a record; `spans` and `negatives` default to empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        spans = try c.decodeIfPresent([GoldSpan].self, forKey: .spans) ?? []
        negatives = try c.decodeIfPresent([Negative].self, forKey: .negatives) ?? []
    }

    /// Creates a record in code (used by generated corpora).
    public init(id: String?, text: String, spans: [GoldSpan], negatives: [Negative] = []) {
        self.id = id
        self.text = text
        self.spans = spans
        self.negatives = negatives
    }
}
