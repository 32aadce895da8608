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
              let end = match(t, at: i), !ContextCues.labelledNegative(t, before: i) else { return nil }
        return PIISpan(start: i, end: end, type: .bankCard, confidence: 0.9,
                       rule: len == 4 ? "bank_card.grouped_luhn" : "bank_card.luhn")
    }

    /// End of a card number at `i` (plain, or 4-grouped with one separator kind) whose
    /// issuer prefix is known and whose Luhn check holds.
    private func match(_ t: ScanText, at i: Int) -> Int? {
        var end: Int
        var positions = 0
        let run = t.digitRun(at: i)
        if run >= 16 && run <= 19 {
            guard !t.isLetter(i + run), !(t.isGroupSeparator(i + run) && t.isDigit(i + run + 1)) else { return nil }
            end = i + run
            positions = run
        } else {
            guard run == 4 else { return nil }
            let sep = t[i + 4]
            var p = i + 4
            positions = 4
            while t[p] == sep, t.isDigit(p + 1) {
                let len = t.digitRun(at: p + 1)
                guard len >= 1 && len <= 4 else { return nil }
                positions += len
                p += 1 + len
                if len < 4 { break }
            }
            guard positions >= 16, positions <= 19, !t.isAlnum(p), !(t[p] == sep && t.isDigit(p + 1)) else { return nil }
            end = p
        }
        // Issuer prefix from the first four digits (all inside the first group or run).
        let d0 = t.digit(i)!, d1 = t.digit(i + 1)!, d2 = t.digit(i + 2)!, d3 = t.digit(i + 3)!
        guard Self.knownIssuer([d0, d1, d2, d3]) else { return nil }
        // Luhn from the right over the digits, skipping separators.
        var sum = 0, double = false, p = end - 1
        while p >= i {
            if let d = t.digit(p) {
                var x = d
                if double { x *= 2; if x > 9 { x -= 9 } }
                sum += x
                double.toggle()
            }
            p -= 1
        }
        return sum % 10 == 0 ? end : nil
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
