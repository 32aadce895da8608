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

    @Test("PIPL Art. 73: one key gives each person one pseudonym across a dataset")
    func pseudonymsLinkWithinDataset() throws {
        var g = SyntheticCorpus(seed: 7)
        let key = PseudonymKey.random()
        let redactor = PIIRedactor(operator: .pseudonym(key: key))
        let (phone, _) = g.mobile()
        let a = redactor.redact("联系电话\(phone)").text
        let b = redactor.redact("手机：\(phone)，请回电").text
        let pseudonym = try #require(a.firstRange(of: "<CN_PHONE:").map { String(a[$0.lowerBound...]) })
        #expect(b.contains(pseudonym))
        #expect(!a.contains(phone) && !b.contains(phone))
    }

    @Test("Batch scanning on several threads returns the sequential results in input order")
    func batchMatchesSequential() {
        var g = SyntheticCorpus(seed: 99)
        let texts = (0..<64).map { g.record($0).text }
        let scanner = PIIScanner()
        #expect(scanner.scan(batch: texts, concurrency: 4) == texts.map { scanner.scan($0) })
    }
}
