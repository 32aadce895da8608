/// Scores a scanner against a labelled corpus: per-type precision, recall and F1 with exact
/// span matching on code-point offsets, and the share of hard negatives reported as PII.
public struct PIIEvaluation: Sendable {
    /// Scores per type name (corpus names, so unknown gold types are scored too).
    public private(set) var scores: [String: TypeScore] = [:]
    /// Hard negatives seen.
    public private(set) var negatives = 0
    /// Hard negatives overlapped by at least one reported span.
    public private(set) var negativesReported = 0
    /// Hard negatives reported, by kind.
    public private(set) var negativesReportedByKind: [String: Int] = [:]
    /// Records scored.
    public private(set) var records = 0

    /// Creates an empty evaluation.
    public init() {}

    /// Adds one record and the spans reported for it.
    public mutating func add(_ record: LabelledRecord, found: [PIISpan]) {
        records += 1
        let gold = Set(record.spans.map { Key(start: $0.start, end: $0.end, type: $0.type) })
        let predicted = Set(found.map { Key(start: $0.start, end: $0.end, type: $0.type.rawValue) })
        for g in gold {
            if predicted.contains(g) { scores[g.type, default: TypeScore()].truePositives += 1 } else { scores[g.type, default: TypeScore()].falseNegatives += 1 }
        }
        for p in predicted where !gold.contains(p) { scores[p.type, default: TypeScore()].falsePositives += 1 }
        for n in record.negatives {
            negatives += 1
            if found.contains(where: { $0.start < n.end && n.start < $0.end }) {
                negativesReported += 1
                negativesReportedByKind[n.kind, default: 0] += 1
            }
        }
    }

    /// Share of hard negatives reported as personal information.
    public var negativeRate: Double { negatives == 0 ? 0 : Double(negativesReported) / Double(negatives) }

    /// Micro-averaged score over all types.
    public var overall: TypeScore {
        scores.values.reduce(into: TypeScore()) {
            $0.truePositives += $1.truePositives
            $0.falsePositives += $1.falsePositives
            $0.falseNegatives += $1.falseNegatives
        }
    }

    private struct Key: Hashable { var start: Int; var end: Int; var type: String }
}

extension PIIScanner {
    /// Scans every record and scores the result.
    public func evaluate(_ records: some Sequence<LabelledRecord>) -> PIIEvaluation {
        var evaluation = PIIEvaluation()
        for r in records { evaluation.add(r, found: scan(r.text)) }
        return evaluation
    }
}
