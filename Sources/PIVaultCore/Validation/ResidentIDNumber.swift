import Foundation

/// Checks for PRC resident identity numbers (GB 11643-1999).
public enum ResidentIDNumber {
    /// The ISO 7064 MOD 11-2 weights of the first 17 digits.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Remainder → check character.
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
    /// Province-level region codes (the first two digits) of GB/T 2260.
    static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ]

    /// The problem with `text` as an 18-character resident ID, or nil when it is valid.
    /// The text is uppercased first; `today` bounds the birth date.
    public static func problem(with text: String, today: Date) -> String? {
        // Checked on bytes: a valid number is ASCII, and grapheme-by-grapheme
        // checks cost more than the rest of a record's validation.
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nonASCIIProblem(text) }
        guard bytes.count == 18 else { return "must be 18 characters (GB 11643-1999)" }
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        let zero = UInt8(ascii: "0")
        guard bytes[..<17].allSatisfy({ (zero...UInt8(ascii: "9")).contains($0) }) else {
            return "the first 17 characters must be digits (GB 11643-1999)"
        }
        guard (zero...UInt8(ascii: "9")).contains(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            return "the last character must be a digit or X (GB 11643-1999)"
        }
        let digits = bytes[..<17].map { Int($0 - zero) }
        guard provinceCodes.contains(digits[0] * 10 + digits[1]) else {
            return "the region code is not a province-level code of GB/T 2260"
        }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard let birth = ISODate.date(year: year, month: month, day: day), year >= 1850, birth <= today else {
            return "the birth date (characters 7–14) is not a valid past date"
        }
        guard checkCharacter(for: digits).asciiValue == bytes[17] else {
            return "check character does not match (ISO 7064 MOD 11-2)"
        }
        return nil
    }

    /// Text with a character outside ASCII is never a valid number; this
    /// says which rule it breaks, counting characters as a reader does.
    private static func nonASCIIProblem(_ text: String) -> String {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else { return "must be 18 characters (GB 11643-1999)" }
        guard characters[..<17].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "the first 17 characters must be digits (GB 11643-1999)"
        }
        return "the last character must be a digit or X (GB 11643-1999)"
    }

    /// The check character for the first 17 digits.
    public static func checkCharacter(for digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// The birth date encoded in a valid 18-character number, as `YYYY-MM-DD`.
    public static func birthDate(of number: String) -> String? {
        let characters = Array(number)
        guard characters.count == 18 else { return nil }
        let text = String(characters[6..<14])
        return "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
    }
}
