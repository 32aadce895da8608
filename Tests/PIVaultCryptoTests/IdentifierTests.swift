import Foundation
import PIVaultCrypto
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test("Time-ordered identifiers sort by creation time and keep the random identifiers' shape")
    func timeOrderedSortByTime() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let ids = (0..<500).map { Identifiers.timeOrdered(prefix: "rec", at: start.addingTimeInterval(Double($0) * 0.001)) }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
        let alphabet = Set("abcdefghijklmnopqrstuvwxyz234567")
        for id in ids {
            #expect(id.hasPrefix("rec_") && id.count == 30)
            #expect(id.dropFirst(4).allSatisfy(alphabet.contains))
        }
        // A later millisecond sorts after an earlier one whatever the random part.
        #expect(Identifiers.timeOrdered(prefix: "sub", at: start) < Identifiers.timeOrdered(prefix: "sub", at: start.addingTimeInterval(0.001)))
    }

    @Test("Time-ordered identifiers made in the same millisecond still differ (80 random bits)")
    func timeOrderedUnique() {
        let now = Date()
        let ids = Set((0..<10_000).map { _ in Identifiers.timeOrdered(prefix: "sub", at: now) })
        #expect(ids.count == 10_000)
    }

    @Test("Times outside the 48-bit range clamp instead of trapping")
    func timeOrderedClamps() {
        let early = Identifiers.timeOrdered(prefix: "x", at: Date(timeIntervalSince1970: -5))
        let late = Identifiers.timeOrdered(prefix: "x", at: Date(timeIntervalSince1970: 1e15))
        #expect(early.count == 28 && late.count == 28)
        #expect(early < late)
    }
}
