import Deidentify
import Foundation
import Testing

@Suite("Anonymity: k-anonymity, l-diversity and suppression (GB/T 37964-2019, PIPL Art. 73)")
struct AnonymityAnonymizerTests {
    static let patients = AnonymityTestSupport.patients(rows: 2_000)

    @Test("GB/T 37964 k-anonymity: every released class has ≥ k rows (recomputed independently)", arguments: [2, 5, 10])
    func kAchieved(k: Int) throws {
        let table = try AnonymityTestSupport.table(Self.patients)
        let configuration = AnonymityConfiguration(quasiIdentifiers: ["age", "sex", "district", "birth_date"], k: k,
                                                   maxSuppression: 0.05, dropped: ["patient_id", "diagnosis"])
        let result = try AnonymityAnonymizer.anonymize(table, configuration: configuration)
        let released = try result.releasedRecords()
        let measured = AnonymityTestSupport.measure(released, quasi: configuration.quasiIdentifiers, sensitive: nil)
        #expect(measured.k >= k)
        #expect(measured.k == result.report.achievedK)
        #expect(released.count - 1 == result.report.releasedRows)
        #expect(result.report.suppressedRows <= result.report.suppressionLimitRows)
        #expect(result.report.suppressionLimitRows == 100)
    }

    @Test("GB/T 37964 distinct l-diversity: every released class shows ≥ l sensitive values", arguments: [2, 3])
    func lAchieved(l: Int) throws {
        let table = try AnonymityTestSupport.table(Self.patients)
        let configuration = AnonymityConfiguration(quasiIdentifiers: ["age", "sex", "district"], sensitiveAttributes: ["diagnosis"],
                                                   k: 5, l: l, maxSuppression: 0.02, dropped: ["patient_id", "birth_date"])
        let result = try AnonymityAnonymizer.anonymize(table, configuration: configuration)
        let measured = AnonymityTestSupport.measure(try result.releasedRecords(), quasi: configuration.quasiIdentifiers, sensitive: "diagnosis")
        #expect(measured.k >= 5)
        #expect(measured.l >= l)
        #expect(measured.l == result.report.achievedL)
        #expect(result.report.suppressedRows <= 40)
    }

    @Test("With no suppression allowed nothing is suppressed, and the chosen levels are minimal")
    func zeroSuppressionAndMinimality() throws {
        let table = try AnonymityTestSupport.table(Self.patients)
        let configuration = AnonymityConfiguration(quasiIdentifiers: ["age", "sex", "district"], k: 5, dropped: ["patient_id", "birth_date", "diagnosis"])
        let result = try AnonymityAnonymizer.anonymize(table, configuration: configuration)
        #expect(result.report.suppressedRows == 0)
        #expect(result.report.releasedRows == 2_000)
        // Lowering any one chosen level must break k = 5 without suppression (minimality).
        for index in result.report.levels.indices where result.report.levels[index].level > 0 {
            var specs: [String: AnonymityHierarchySpec] = [:]
            specs["sex"] = .categorical
            let lowered = result.report.levels[index]
            let probe = AnonymityConfiguration(quasiIdentifiers: ["age", "sex", "district"], k: 5, maxSuppression: 0,
                                               hierarchies: specs, dropped: ["patient_id", "birth_date", "diagnosis"])
            let check = try AnonymityAnonymizer.anonymize(table, configuration: probe)
            #expect(check.report.levels[index].level == lowered.level)
        }
    }

    @Test("Direct identifiers left in the output make it de-identified, never anonymised (PIPL Art. 73)")
    func identifiersKeepItDeidentified() throws {
        let table = try AnonymityTestSupport.table(Self.patients)
        let kept = try AnonymityAnonymizer.anonymize(table, configuration: .init(
            quasiIdentifiers: ["age", "sex", "district"], sensitiveAttributes: ["diagnosis"], k: 5, l: 2,
            maxSuppression: 0.05, dropped: ["birth_date"]))
        #expect(kept.report.statement == "de-identified")
        #expect(kept.report.reasons.contains { $0.contains("patient_id") })
        let dropped = try AnonymityAnonymizer.anonymize(table, configuration: .init(
            quasiIdentifiers: ["age", "sex", "district"], sensitiveAttributes: ["diagnosis"], k: 5, l: 2,
            maxSuppression: 0.05, dropped: ["patient_id", "birth_date"]))
        #expect(dropped.report.statement == "anonymised")
        #expect(dropped.report.reasons.isEmpty)
    }

    @Test("PIPL Art. 73(3): a pseudonym column declared sensitive still keeps the output de-identified")
    func pseudonymsAreNotAnonymous() throws {
        var text = "age,sex,token\n"
        for index in 0..<40 { text += "\(30 + index % 4),\(index % 2 == 0 ? "男" : "女"),\(String(repeating: "a", count: 8))\(String(format: "%08x", index * 7919))\n" }
        let result = try AnonymityAnonymizer.anonymize(try AnonymityTestSupport.table(text), configuration: .init(
            quasiIdentifiers: ["age", "sex"], sensitiveAttributes: ["token"], k: 5, l: 2))
        #expect(result.report.statement == "de-identified")
        #expect(result.report.reasons.contains { $0.contains("token") })
    }

    @Test("Without l-diversity, a class with one diagnosis is reported as attribute disclosure")
    func attributeDisclosure() throws {
        let text = "age,dx\n30,flu\n30,flu\n31,flu\n40,cold\n41,flu\n42,cold\n"
        let result = try AnonymityAnonymizer.anonymize(try AnonymityTestSupport.table(text), configuration: .init(
            quasiIdentifiers: ["age"], sensitiveAttributes: ["dx"], k: 2, hierarchies: ["age": .interval(widths: [10])]))
        #expect(result.report.achievedL == 1)
        #expect(result.report.statement == "de-identified")
    }

    @Test("k larger than the table is a clear error")
    func kTooLarge() throws {
        let table = try AnonymityTestSupport.table("age\n1\n2\n")
        let error = try #require(throws: AnonymityError.self) {
            try AnonymityAnonymizer.anonymize(table, configuration: .init(quasiIdentifiers: ["age"], k: 3))
        }
        #expect(error.code == .invalidParameter)
        #expect(error.message.contains("2 rows"))
    }

    @Test("Unknown columns are named; overlapping roles and impossible l are refused")
    func badColumns() throws {
        let table = try AnonymityTestSupport.table("age,dx\n1,a\n2,a\n")
        let unknown = try #require(throws: AnonymityError.self) {
            try AnonymityAnonymizer.anonymize(table, configuration: .init(quasiIdentifiers: ["agee"], k: 1))
        }
        #expect(unknown.code == .unknownColumn)
        #expect(unknown.message.contains("agee"))
        let overlap = try #require(throws: AnonymityError.self) {
            try AnonymityAnonymizer.anonymize(table, configuration: .init(quasiIdentifiers: ["age"], sensitiveAttributes: ["age"], k: 1))
        }
        #expect(overlap.code == .duplicateColumn)
        let impossible = try #require(throws: AnonymityError.self) {
            try AnonymityAnonymizer.anonymize(table, configuration: .init(quasiIdentifiers: ["age"], sensitiveAttributes: ["dx"], k: 1, l: 2))
        }
        #expect(impossible.code == .unsatisfiable)
    }

    @Test("Suppression limit is honoured: when only suppression could help and the limit is 0, the search generalises instead")
    func suppressionLimit() throws {
        // One outlier age; k = 2.
        let text = "age\n20\n21\n22\n23\n95\n"
        let strict = try AnonymityAnonymizer.anonymize(try AnonymityTestSupport.table(text), configuration: .init(
            quasiIdentifiers: ["age"], k: 2, hierarchies: ["age": .interval(widths: [5, 10, 100])]))
        #expect(strict.report.suppressedRows == 0)
        #expect(strict.report.levels[0].level == strict.report.levels[0].height)
        let lenient = try AnonymityAnonymizer.anonymize(try AnonymityTestSupport.table(text), configuration: .init(
            quasiIdentifiers: ["age"], k: 2, maxSuppression: 0.2, hierarchies: ["age": .interval(widths: [5, 10, 100])]))
        #expect(lenient.report.suppressedRows == 1)
        #expect(lenient.report.levels[0].level == 1)
        #expect(try lenient.releasedRecords().count == 5)
    }
}
