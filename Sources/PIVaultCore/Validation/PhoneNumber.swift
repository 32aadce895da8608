/// Telephone-number normalisation to E.164 (ITU-T E.164).
public enum PhoneNumber {
    /// The E.164 form of `text`, or nil when it is not a plausible number.
    ///
    /// Spaces, dashes, dots and parentheses are ignored. A bare 11-digit number
    /// starting `1[3-9]`, or one prefixed `86`, `+86` or `0086`, is a mainland
    /// mobile (`+86…`); other `+`/`00` numbers must have 8–15 digits.
    public static func e164(_ text: String) -> String? {
        var plus = false
        var digits = ""
        for (index, character) in text.enumerated() {
            if character == "+" && index == 0 { plus = true; continue }
            if " -.()".contains(character) { continue }
            guard character.isASCII, character.isNumber else { return nil }
            digits.append(character)
        }
        if !plus, digits.hasPrefix("00") { plus = true; digits.removeFirst(2) }
        if !plus, digits.count == 13, digits.hasPrefix("86") { plus = true }
        if plus {
            if digits.hasPrefix("86") {
                let national = String(digits.dropFirst(2))
                return isMainlandMobile(national) ? "+86" + national : nil
            }
            guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
            return "+" + digits
        }
        return isMainlandMobile(digits) ? "+86" + digits : nil
    }

    /// Whether `digits` is an 11-digit mainland mobile number (`1[3-9]` + 9 digits).
    public static func isMainlandMobile(_ digits: String) -> Bool {
        let characters = Array(digits)
        guard characters.count == 11, characters[0] == "1", let second = characters[1].wholeNumberValue else { return false }
        return (3...9).contains(second) && characters.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
