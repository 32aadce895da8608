/// E-mail addresses in the dot-atom form of RFC 5322 §3.4.1.
///
/// Found from each `@`: the local part runs left over letters, digits and `._%+-`, the
/// domain right over at least two dot-separated labels ending in an alphabetic top-level
/// label of two or more letters.
struct EmailRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.email] }

    @inline(__always) private func isLocal(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
            || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D
    }

    @inline(__always) private func isLabel(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || v == 0x2D
    }

    /// Found from each `@`; the local part extends left no further than `floor`.
    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len == 0, t[i] == 0x40 else { return nil }
        var s = i
        while s > floor, isLocal(t[s - 1]) { s -= 1 }
        while s < i, t[s] == 0x2E || t[s] == 0x2D { s += 1 }
        guard s < i, t[i - 1] != 0x2E else { return nil }
        // Domain: labels separated by single dots, the last one alphabetic.
        var p = i + 1
        var labels = 0
        var end = -1
        var lastLabelAlpha = false
        while true {
            let labelStart = p
            var alpha = true
            while isLabel(t[p]) { if t.isDigit(p) || t[p] == 0x2D { alpha = false }; p += 1 }
            guard p > labelStart, t[labelStart] != 0x2D, t[p - 1] != 0x2D else { break }
            labels += 1
            end = p
            lastLabelAlpha = alpha && p - labelStart >= 2
            guard t[p] == 0x2E, isLabel(t[p + 1]) else { break }
            p += 1
        }
        guard labels >= 2, lastLabelAlpha, end > 0 else { return nil }
        return PIISpan(start: s, end: end, type: .email, confidence: 0.95, rule: "email.rfc5322")
    }
}
