/// Fixed-line numbers with their area code.
///
/// The area code's length follows from its second digit: `010`, `02x` (three digits, eight
/// subscriber digits) or `0xxx` with x in 3–9 (four digits, seven or eight subscriber
/// digits). Subscriber numbers start with 2–9. Accepted forms: `(0xx)`/`（0xx）` brackets,
/// a space or hyphen after the area code, `+86` with the leading zero dropped, and a bare
/// digit string — the last only after a telephone label, since a bare string of ten to
/// twelve digits starting with 0 is as often an invoice code.
struct LandlineRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.landline] }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len == 0 || len == 3 || len == 4 || (len >= 10 && len <= 12) else { return nil }
        let v = t[i]
        let opener = v == 0x28 || v == 0xFF08
        let plus = v == 0x2B || v == 0xFF0B
        guard opener || plus || (v == 0x30 && t[i - 1] != 0x2B) else { return nil }
        let found: (end: Int, rule: StaticString)?
        if opener { found = bracketed(t, at: i) } else if plus { found = international(t, at: i) } else { found = domestic(t, at: i) }
        guard let f = found, !ContextCues.labelledNegative(t, before: i) else { return nil }
        return PIISpan(start: i, end: f.end, type: .landline, confidence: 0.85, rule: f.rule)
    }

    /// Length of the area code (without the trunk 0) starting at `p`, or nil.
    private func areaLength(_ t: ScanText, at p: Int) -> Int? {
        guard let first = t.digit(p) else { return nil }
        switch first {
        case 1: return t[p + 1] == 0x30 ? 2 : nil
        case 2: return t.isDigit(p + 1) ? 2 : nil
        case 3...9: return t.isDigit(p + 1) && t.isDigit(p + 2) ? 3 : nil
        default: return nil
        }
    }

    /// End of a subscriber number at `p` for an area code of `area` digits, or nil.
    private func subscriber(_ t: ScanText, at p: Int, area: Int) -> Int? {
        guard let first = t.digit(p), first >= 2 else { return nil }
        let run = t.digitRun(at: p)
        let allowed = area == 2 ? 8...8 : 7...8
        guard allowed.contains(run), !t.isLetter(p + run) else { return nil }
        return p + run
    }

    private func bracketed(_ t: ScanText, at i: Int) -> (end: Int, rule: StaticString)? {
        guard t[i + 1] == 0x30, let area = areaLength(t, at: i + 2) else { return nil }
        var p = i + 2 + area
        let close = t[p]
        guard (t[i] == 0x28 && close == 0x29) || (t[i] == 0xFF08 && close == 0xFF09) else { return nil }
        p += 1
        if t.isGroupSeparator(p) { p += 1 }
        guard let end = subscriber(t, at: p, area: area) else { return nil }
        return (end, "cn_landline.bracketed")
    }

    private func international(_ t: ScanText, at i: Int) -> (end: Int, rule: StaticString)? {
        guard t[i + 1] == 0x38, t[i + 2] == 0x36 else { return nil }
        var p = i + 3
        if t.isGroupSeparator(p) { p += 1 }
        guard let area = areaLength(t, at: p) else { return nil }
        p += area
        guard t.isGroupSeparator(p) else { return nil }
        p += 1
        guard let end = subscriber(t, at: p, area: area) else { return nil }
        return (end, "cn_landline.international")
    }

    private func domestic(_ t: ScanText, at i: Int) -> (end: Int, rule: StaticString)? {
        guard let area = areaLength(t, at: i + 1) else { return nil }
        var p = i + 1 + area
        if t.isGroupSeparator(p) {
            p += 1
            guard let end = subscriber(t, at: p, area: area) else { return nil }
            return (end, "cn_landline.separated")
        }
        guard let end = subscriber(t, at: p, area: area),
              ContextCues.near(t, before: i, window: 8, words: ContextCues.telephone)
        else { return nil }
        return (end, "cn_landline.labelled")
    }
}
