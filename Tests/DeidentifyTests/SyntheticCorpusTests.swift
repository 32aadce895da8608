import Testing
@testable import Deidentify

/// Recognizers measured on records generated from the identifier specifications
/// (GB 11643 MOD 11-2, Luhn, GB 32100, GA 36 plates), not from the shared corpus.
@Suite struct SyntheticCorpusTests {
    static let evaluation: PIIEvaluation = {
        var g = SyntheticCorpus(seed: 20_250_101)
        return PIIScanner().evaluate((0..<400).map { g.record($0) })
    }()

    @Test("Generated identifiers are found with exact spans", arguments: PIIType.allCases)
    func perType(type: PIIType) throws {
        let s = try #require(Self.evaluation.scores[type.rawValue])
        let goal = [.person, .address].contains(type) ? 0.9 : 0.99
        #expect(s.f1 >= goal, "\(type.rawValue): tp \(s.truePositives) fp \(s.falsePositives) fn \(s.falseNegatives)")
    }

    @Test("Wrong check characters, impossible dates and labelled serials are not reported")
    func negatives() {
        #expect(Self.evaluation.negatives == 400 * 8)
        #expect(Self.evaluation.negativesReported == 0, "\(Self.evaluation.negativesReportedByKind)")
    }
}
