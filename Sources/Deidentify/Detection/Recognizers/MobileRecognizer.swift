/// Mainland mobile numbers: eleven digits `1[3-9]x xxxx xxxx`.
///
/// Accepts an optional `+86`/`0086` country prefix and grouping by spaces or hyphens as
/// 3-4-4; the span includes prefix and separators. A number labelled as an order,
/// transaction or employee number is not reported.
struct MobileRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.mobile] }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len == 0 || len == 3 || len == 4 || len == 11 || len == 13 || len == 15 else { return nil }
        let v = t[i]
        guard v == 0x2B || v == 0xFF0B || t.isDigit(i), t[i - 1] != 0x2B,
              let (end, prefixed) = match(t, at: i),
              !ContextCues.labelledNegative(t, before: i) else { return nil }
        return PIISpan(start: i, end: end, type: .mobile, confidence: prefixed ? 0.95 : 0.9,
                       rule: prefixed ? "cn_mobile.prefixed" : "cn_mobile")
    }

    private func match(_ t: ScanText, at i: Int) -> (Int, Bool)? {
        var p = i
        var prefixed = false
        let v = t[p]
        if v == 0x2B || v == 0xFF0B {
            guard t[p + 1] == 0x38, t[p + 2] == 0x36 else { return nil }
            p += 3
            prefixed = true
        } else if t[p] == 0x30, t[p + 1] == 0x30, t[p + 2] == 0x38, t[p + 3] == 0x36, t[p + 4] != 0x30 {
            p += 4
            prefixed = true
        }
        if prefixed, t.isGroupSeparator(p) { p += 1 }
        guard t[p] == 0x31, let second = t.digit(p + 1), second >= 3, t.isDigit(p + 2) else { return nil }
        p += 3
        if t.isGroupSeparator(p) {
            let sep = t[p]
            guard t.digitRun(at: p + 1) == 4, t[p + 5] == sep, t.digitRun(at: p + 6) == 4 else { return nil }
            p += 10
        } else {
            guard t.digitRun(at: p) == 8 else { return nil }
            p += 8
        }
        guard !t.isAlnum(p) else { return nil }
        // "138-1234-5678-9" is some other identifier, not a phone number.
        if t.isGroupSeparator(p), t.isDigit(p + 1), t[p] == 0x2D { return nil }
        return (p, prefixed)
    }
}
