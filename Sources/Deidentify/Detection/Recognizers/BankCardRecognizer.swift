/// Payment card numbers: 16–19 digits with a valid Luhn check digit and a card-scheme prefix.
///
/// Accepts contiguous digits or groups of four separated by one kind of separator (space
/// or hyphen) with a last group of one to four digits. The issuer prefix must belong to a
/// scheme that issues such cards (ISO/IEC 7812 IIN ranges of UnionPay 62/81, Visa 4,
/// Mastercard 51–55 and 2221–2720, JCB 3528–3589, Discover 6011/64/65), which keeps
/// date-prefixed order numbers that happen to pass Luhn out.
struct BankCardRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.bankCard] }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        // Cards are 16–19 digits in one run, or start with a group of four.
        guard (len >= 16 && len <= 19) || (len == 4 && t.isGroupSeparator(i + 4)), t.isDigit(i),
              let (end, digits) = match(t, at: i), Self.knownIssuer(digits), Checksums.luhnValid(digits),
              !ContextCues.labelledNegative(t, before: i) else { return nil }
        return PIISpan(start: i, end: end, type: .bankCard, confidence: 0.9,
                       rule: end - i == digits.count ? "bank_card.luhn" : "bank_card.grouped_luhn")
    }

    private func match(_ t: ScanText, at i: Int) -> (Int, [Int])? {
        let run = t.digitRun(at: i)
        if run >= 16 && run <= 19 {
            guard !t.isLetter(i + run), !(t.isGroupSeparator(i + run) && t.isDigit(i + run + 1)) else { return nil }
            return t.digits(at: i, count: run).map { (i + run, $0) }
        }
        guard run == 4, t.isGroupSeparator(i + 4) else { return nil }
        let sep = t[i + 4]
        var p = i + 4
        var groups = 1
        var digits = t.digits(at: i, count: 4) ?? []
        while t[p] == sep, t.isDigit(p + 1) {
            let len = t.digitRun(at: p + 1)
            guard len >= 1 && len <= 4, let g = t.digits(at: p + 1, count: len) else { return nil }
            digits += g
            groups += 1
            p += 1 + len
            if len < 4 { break }
        }
        guard groups >= 4, digits.count >= 16, digits.count <= 19, !t.isAlnum(p),
              !(t[p] == sep && t.isDigit(p + 1)) else { return nil }
        return (p, digits)
    }

    /// Whether the leading digits belong to a scheme issuing 16–19 digit cards.
    static func knownIssuer(_ d: [Int]) -> Bool {
        let two = d[0] * 10 + d[1]
        let four = two * 100 + d[2] * 10 + d[3]
        switch d[0] {
        case 4: return true
        case 5: return two >= 51 && two <= 55
        case 2: return four >= 2221 && four <= 2720
        case 3: return four >= 3528 && four <= 3589
        case 6: return two == 62 || two == 64 || two == 65 || four == 6011
        case 8: return two == 81
        default: return false
        }
    }
}
