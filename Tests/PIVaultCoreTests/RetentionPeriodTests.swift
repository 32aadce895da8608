import Foundation
import Testing
@testable import PIVaultCore

@Suite("Retention periods (PIPL Art. 19)")
struct RetentionPeriodTests {
    @Test("Periods parse and compute deadlines on the UTC calendar")
    func deadlines() throws {
        let start = ISODate.date(year: 2022, month: 1, day: 31)!
        #expect(try #require(RetentionPeriod(parsing: "30d")).deadline(from: start) == ISODate.date(year: 2022, month: 3, day: 2))
        #expect(try #require(RetentionPeriod(parsing: "1m")).deadline(from: start) == ISODate.date(year: 2022, month: 2, day: 28))
        #expect(try #require(RetentionPeriod(parsing: "5y")).deadline(from: start) == ISODate.date(year: 2027, month: 1, day: 31))
    }

    @Test("Malformed or non-positive periods are refused", arguments: ["", "30", "d", "0d", "-5y", "3w", "1.5y"])
    func refused(_ text: String) {
        #expect(RetentionPeriod(parsing: text) == nil)
    }
}
