/// Check-character algorithms of the identifiers the recognizers accept.
enum Checksums {
    /// ISO 7064 MOD 11-2 over the first 17 digits of a resident ID (GB 11643-1999 §5.2).
    /// Returns the expected check character: 0–9 or 10 for `X`.
    static func residentIDCheck(_ digits: [Int]) -> Int {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for k in 0..<17 { sum += digits[k] * weights[k] }
        return (12 - sum % 11) % 11
    }

    /// Luhn (ISO/IEC 7812-1 Annex B) over a digit sequence including its check digit.
    static func luhnValid(_ digits: [Int]) -> Bool {
        var sum = 0
        var double = false
        for d in digits.reversed() {
            var x = d
            if double { x *= 2; if x > 9 { x -= 9 } }
            sum += x
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// Alphabet of GB 32100-2015 codes: digits and capitals without I, O, S, V, Z.
    static let usccAlphabet: [UInt32] = "0123456789ABCDEFGHJKLMNPQRTUWXY".scalarValues

    /// Value of a GB 32100 character, or nil when it is not in the alphabet.
    static func usccValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x30...0x39: return Int(v - 0x30)
        case 0x41...0x48: return Int(v - 0x41) + 10  // A–H
        case 0x4A...0x4E: return Int(v - 0x4A) + 18  // J–N
        case 0x50...0x52: return Int(v - 0x50) + 23  // P, Q, R
        case 0x54, 0x55: return Int(v - 0x54) + 26  // T, U
        case 0x57...0x59: return Int(v - 0x57) + 28  // W, X, Y
        default: return nil
        }
    }

    /// GB 32100-2015 §4.5 check character over the first 17 characters (values 0–30).
    static func usccCheck(_ values: [Int]) -> Int {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for k in 0..<17 { sum += values[k] * weights[k] }
        return (31 - sum % 31) % 31
    }

    /// Whether year/month/day is a real calendar date (proleptic Gregorian).
    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
