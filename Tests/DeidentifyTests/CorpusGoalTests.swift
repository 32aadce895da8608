import Foundation
import Testing
@testable import Deidentify

/// Issue goals on the shared labelled corpus (`../shared/testdata/pii/corpus_seed1.jsonl`):
/// exact-span F1 per type and the hard-negative rate.
@Suite(.enabled(if: PIITestData.isPresent, "../shared/testdata/pii is absent"))
struct CorpusGoalTests {
    static let goals: [PIIType: Double] = [
        .residentID: 0.99, .mobile: 0.99, .email: 0.99, .bankCard: 0.99, .uscc: 0.99, .passport: 0.99,
        .hkmoPermit: 0.99, .plate: 0.99, .landline: 0.90, .ipAddress: 0.90, .person: 0.85, .address: 0.80,
    ]

    /// Scanned once for all tests of the suite.
    static let cached: Result<PIIEvaluation, any Error> = Result {
        PIIScanner().evaluate(try CorpusReader.records(at: PIITestData.piiCorpus))
    }

    static func evaluation() throws -> PIIEvaluation { try cached.get() }

    @Test("Every type meets its F1 goal with exact span match", arguments: Array(goals.keys).sorted())
    func f1Goal(type: PIIType) throws {
        let score = try #require(try Self.evaluation().scores[type.rawValue])
        #expect(score.support > 0)
        #expect(score.f1 >= Self.goals[type]!, "\(type.rawValue) F1 \(score.f1) below \(Self.goals[type]!)")
    }

    @Test("Hard negatives (bad check characters, impossible dates, order numbers …) reported ≤ 1%")
    func hardNegatives() throws {
        let e = try Self.evaluation()
        #expect(e.negatives > 5000)
        #expect(e.negativeRate <= 0.01, "hard-negative rate \(e.negativeRate): \(e.negativesReportedByKind)")
    }
}
