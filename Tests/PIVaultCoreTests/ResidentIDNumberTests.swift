import Foundation
import Testing
@testable import PIVaultCore

@Suite("Resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)")
struct ResidentIDNumberTests {
    let today = ISODate.date(year: 2026, month: 11, day: 29)!

    @Test("GB 11643-1999: the standard's example numbers validate", arguments: ["11010519491231002X", "440524188001010014"])
    func validNumbers(_ number: String) {
        #expect(ResidentIDNumber.problem(with: number, today: today) == nil)
    }

    @Test("ISO 7064 MOD 11-2: a wrong check character is refused")
    func wrongCheckCharacter() {
        #expect(ResidentIDNumber.problem(with: "110105194912310021", today: today)?.contains("ISO 7064") == true)
    }

    @Test("GB 11643-1999: impossible and future birth dates are refused", arguments: ["110105194902300023", "110105203001010012"])
    func impossibleBirthDates(_ number: String) {
        let digits = number.prefix(17).compactMap(\.wholeNumberValue)
        let fixed = String(number.prefix(17)) + String(ResidentIDNumber.checkCharacter(for: digits))
        #expect(ResidentIDNumber.problem(with: fixed, today: today)?.contains("birth date") == true)
    }

    @Test("GB/T 2260: an unknown province code is refused")
    func unknownRegion() {
        let body = "990105194912310"
        let digits = (body + "02").compactMap(\.wholeNumberValue)
        let number = body + "02" + String(ResidentIDNumber.checkCharacter(for: digits))
        #expect(ResidentIDNumber.problem(with: number, today: today)?.contains("region") == true)
    }

    @Test("GB 11643-1999: length and character rules", arguments: ["1101051949123100", "11010519491231002Y", "1101051949123100A2"])
    func malformed(_ number: String) {
        #expect(ResidentIDNumber.problem(with: number, today: today) != nil)
    }

    @Test("GB 11643-1999: each malformed number names the rule it breaks, counting characters as a reader does", arguments: [
        ("1101051949123100", "must be 18 characters"),
        ("11010519491231002XX", "must be 18 characters"),
        ("1101051949123100A2", "first 17 characters must be digits"),
        ("11010519491231002Y", "last character must be a digit or X"),
        // Full-width digits are digits to a reader but not to the standard.
        ("１１０１０５１９４９１２３１００２Ｘ", "first 17 characters must be digits"),
        ("11010519491231002Ⅹ", "last character must be a digit or X"),
        ("张三", "must be 18 characters"),
    ])
    func namedRule(_ number: String, _ rule: String) {
        #expect(ResidentIDNumber.problem(with: number, today: today)?.contains(rule) == true)
    }

    @Test("Lowercase x is accepted as the check character X")
    func lowercaseX() {
        #expect(ResidentIDNumber.problem(with: "11010519491231002x", today: today) == nil)
    }
}
