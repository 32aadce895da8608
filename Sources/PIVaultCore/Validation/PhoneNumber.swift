/// Telephone-number normalisation to E.164 (ITU-T E.164).
public enum PhoneNumber {
    /// The E.164 form of `text`, or nil when it is not a plausible number.
    ///
    /// Spaces, dashes, dots and parentheses are ignored. A bare 11-digit number
    /// starting `1[3-9]`, or one prefixed `86`, `+86` or `0086`, is a mainland
    /// mobile (`+86…`); other `+`/`00` numbers must have 8–15 digits.
    public static func e164(_ text: String) -> String? {
        // On bytes: every character a number may hold is ASCII, and any other byte rejects it.
        var plus = false
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "+") where index == 0: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            default: return nil
            }
        }
        let countryCode = Array("86".utf8)
        if !plus, digits.starts(with: Array("00".utf8)) { plus = true; digits.removeFirst(2) }
        if !plus, digits.count == 13, digits.starts(with: countryCode) { plus = true }
        if plus {
            if digits.starts(with: countryCode) {
                let national = digits.dropFirst(2)
                return isMainlandMobile(national) ? "+86" + String(decoding: national, as: UTF8.self) : nil
            }
            guard (8...15).contains(digits.count), digits.first != UInt8(ascii: "0") else { return nil }
            return "+" + String(decoding: digits, as: UTF8.self)
        }
        return isMainlandMobile(digits[...]) ? "+86" + String(decoding: digits, as: UTF8.self) : nil
    }

    /// Whether `digits` is an 11-digit mainland mobile number (`1[3-9]` + 9 digits).
    public static func isMainlandMobile(_ digits: String) -> Bool {
        isMainlandMobile(Array(digits.utf8)[...])
    }

    static func isMainlandMobile(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 11, digits.first == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[digits.startIndex + 1]) else { return false }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
