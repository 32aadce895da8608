/// A JSON-friendly and printable summary of a `PIIEvaluation`.
public struct EvaluationSummary: Sendable, Codable {
    /// Scores of one type.
    public struct Row: Sendable, Codable {
        /// Type name.
        public var type: String
        /// Gold spans.
        public var support: Int
        /// True positives.
        public var tp: Int
        /// False positives.
        public var fp: Int
        /// False negatives.
        public var fn: Int
        /// Precision.
        public var precision: Double
        /// Recall.
        public var recall: Double
        /// F1.
        public var f1: Double
    }

    /// Records scored.
    public var records: Int
    /// One row per type, sorted by name.
    public var types: [Row]
    /// Micro-average over all types.
    public var micro: Row
    /// Hard negatives in the corpus.
    public var hardNegatives: Int
    /// Hard negatives overlapped by a reported span.
    public var hardNegativesReported: Int
    /// `hardNegativesReported / hardNegatives`.
    public var hardNegativeRate: Double
    /// Reported hard negatives by kind.
    public var hardNegativesReportedByKind: [String: Int]

    /// Summarises an evaluation.
    public init(_ e: PIIEvaluation) {
        func row(_ name: String, _ s: TypeScore) -> Row {
            Row(type: name, support: s.support, tp: s.truePositives, fp: s.falsePositives, fn: s.falseNegatives,
                precision: s.precision, recall: s.recall, f1: s.f1)
        }
        records = e.records
        types = e.scores.keys.sorted().map { row($0, e.scores[$0]!) }
        micro = row("micro", e.overall)
        hardNegatives = e.negatives
        hardNegativesReported = e.negativesReported
        hardNegativeRate = e.negativeRate
        hardNegativesReportedByKind = e.negativesReportedByKind
    }

    /// A fixed-width table: type, support, tp, fp, fn, P, R, F1, then the hard-negative line.
    public var table: String {
        func f(_ x: Double) -> String {
            let v = (x * 10000).rounded() / 10000
            var s = String(v)
            while s.count < 6 { s += "0" }
            return s
        }
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let p = String(repeating: " ", count: max(0, n - s.count))
            return left ? p + s : s + p
        }
        var lines = [pad("type", 16) + pad("support", 8, left: true) + pad("tp", 7, left: true) + pad("fp", 6, left: true)
            + pad("fn", 6, left: true) + pad("P", 8, left: true) + pad("R", 8, left: true) + pad("F1", 8, left: true)]
        for r in types + [micro] {
            lines.append(pad(r.type, 16) + pad(String(r.support), 8, left: true) + pad(String(r.tp), 7, left: true)
                + pad(String(r.fp), 6, left: true) + pad(String(r.fn), 6, left: true) + pad(f(r.precision), 8, left: true)
                + pad(f(r.recall), 8, left: true) + pad(f(r.f1), 8, left: true))
        }
        lines.append("hard negatives reported as PII: \(hardNegativesReported)/\(hardNegatives) (\(f(hardNegativeRate * 100))%)")
        return lines.joined(separator: "\n")
    }
}
