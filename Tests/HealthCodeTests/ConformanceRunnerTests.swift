import Foundation
import Testing
import HealthCode

@Suite("Conformance runner: lenient vector reading", .enabled(if: TestData.isPresent))
struct ConformanceRunnerTests {
    /// Copies a real vector into a scratch tree with the quirks real sets have.
    func scratch(_ build: (URL) throws -> Void) throws -> ConformanceReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hc-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try build(dir)
        return try ConformanceRunner.run(directory: dir.path)
    }

    func write(_ text: String, _ dir: URL, _ relative: String) throws {
        let url = dir.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func vectorText(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: TestData.url("dcc/common/2DCode/raw/\(name).json")), as: UTF8.self)
    }

    @Test("dgc-testdata layout quirks: Raw folder, misspelt and nested results, clocks in other formats")
    func quirks() throws {
        let co3 = try vectorText("CO3")
        let report = try scratch { dir in
            try write(co3, dir, "XX/2DCode/Raw/1.json")
            try write(co3.replacingOccurrences(of: "\"EXPECTEDRESULTS\"", with: "\"EXPECTEDRESULT\""), dir, "XX/2DCode/raw/2.json")
            try write(co3.replacingOccurrences(of: "\"EXPECTEDRESULTS\": {", with: "\"EXPECTEDRESULTS\": { \"EXPECTEDRESULTS\": {").replacingOccurrences(of: "\"EXPECTEDB45DECODE\": true\n    }", with: "\"EXPECTEDB45DECODE\": true\n    }}"), dir, "YY/nested/deeper/2DCode/raw/3.json")
            try write(co3.replacingOccurrences(of: "\"EXPECTEDVERIFY\"", with: "\"EXPTECTEDVERIFY\""), dir, "XX/2DCode/raw/4.json")
            try write(try vectorText("CO16").replacingOccurrences(of: "2021-05-03T18:00:00Z", with: "Mon, 03 May 2021 18:00:00 GMT"), dir, "XX/2DCode/raw/5.json")
            try write("{\"not\": \"a vector\"}", dir, "XX/schema.json")
        }
        #expect(report.failures.isEmpty, "\(report.failures)")
        // CO3 sets six flags; all four copies contribute them, CO16 one.
        #expect(report.passed == 6 * 4 + 1)
    }

    @Test("known_issues.csv in DIR skips the matching checks with their reason")
    func knownIssues() throws {
        let co5 = try vectorText("CO5").replacingOccurrences(of: "\"EXPECTEDVERIFY\": false", with: "\"EXPECTEDVERIFY\": true")
        let report = try scratch { dir in
            try write(co5, dir, "ZZ/2DCode/raw/CO5.json")
            try write("test_name,country,test_set,reason\ntest_verification_check,ZZ,CO5,signature deliberately broken\n", dir, "known_issues.csv")
        }
        #expect(report.failures.isEmpty)
        #expect(report.skips.map(\.detail) == ["known issue: signature deliberately broken"])
    }

    @Test("a flag that does not hold is reported with file and flag")
    func failureLine() throws {
        let co5 = try vectorText("CO5").replacingOccurrences(of: "\"EXPECTEDVERIFY\": false", with: "\"EXPECTEDVERIFY\": true")
        let report = try scratch { dir in try write(co5, dir, "ZZ/2DCode/raw/CO5.json") }
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.description.hasPrefix("ZZ/2DCode/raw/CO5.json: EXPECTEDVERIFY:") == true)
        #expect(report.summary == "0 passed, 1 failed")
    }

    @Test("RFC 3339 and other timestamp spellings parse to the same instant", arguments: [
        "2021-05-03T18:00:00Z", "2021-05-03T20:00:00+02:00", "2021-05-03T20:00:00+0200", "2021-05-03T18:00:00",
        "2021-05-03 18:00:00", "2021-05-03T18:00:00.000000Z", "2021-05-03T18:00:00.0000000Z", "1620064800",
        "Mon, 03 May 2021 18:00:00 GMT", "2021-05-03T17:00:00-01:00", "2021/05/03 18:00:00 UTC",
        "20210503T180000Z", "03.05.2021 18:00:00", "1620064800000", "2021-05-03T18:00Z",
    ])
    func timestamps(text: String) {
        #expect(TimestampParser.epochSeconds(text) == 1_620_064_800)
    }

    @Test("hostile timestamps are rejected, not overflowed", arguments: [
        "Mon, 03 May 99999999999999999 18:00:00 GMT", "Mon, 03 May 2021 99999999999999999:00 GMT", "", "2021-13-01", "garbage",
    ])
    func hostileTimestamps(text: String) {
        #expect(TimestampParser.epochSeconds(text) == nil)
    }

    @Test("timestamps format back to RFC 3339 UTC")
    func formatting() {
        #expect(TimestampParser.iso8601(1_620_064_800) == "2021-05-03T18:00:00Z")
        #expect(TimestampParser.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(TimestampParser.iso8601(-1) == "1969-12-31T23:59:59Z")
        #expect(TimestampParser.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
    }
}
