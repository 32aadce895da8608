/// Resident identity card numbers (GB 11643-1999).
///
/// An 18-character number is six region digits, an eight-digit birth date, a three-digit
/// sequence and an ISO 7064 MOD 11-2 check character (`X` for 10). It is reported only when
/// the region starts with a real province code, the birth date exists and is not in the
/// future, and the check character matches. Grouped forms (`110101 19900307 123X`, with
/// spaces or hyphens) are accepted. The legacy 15-digit form (two-digit year, no check
/// character) is reported only next to an identity-document label, because without a check
/// character its shape alone says little.
struct ResidentIDRecognizer: Recognizer {
    /// Latest plausible birth year; later dates are impossible.
    let latestBirthYear: Int

    var types: Set<PIIType> { [.residentID] }

    func recognize(_ t: ScanText, into spans: inout [PIISpan]) {
        var i = 0
        let n = t.count
        while i < n {
            guard t.isDigit(i), t.tokenStart(i) else { i += 1; continue }
            if let end = match18(t, at: i) ?? match15(t, at: i) {
                if !ContextCues.labelled(t, before: i, by: ContextCues.negative) {
                    let legacy = end - i == 15
                    spans.append(PIISpan(
                        start: i, end: end, type: .residentID,
                        confidence: legacy ? 0.8 : 0.99,
                        rule: legacy ? "cn_id.legacy15" : "cn_id.mod11_2"))
                }
                i = end
                continue
            }
            while t.isAlnum(i) { i += 1 }
        }
    }

    /// End of a valid 18-character ID starting at `i`, plain or grouped 6-8-4.
    private func match18(_ t: ScanText, at i: Int) -> Int? {
        var p = i
        var sep: UInt32? = nil
        guard let region = t.digits(at: p, count: 6) else { return nil }
        p += 6
        if t.isGroupSeparator(p), t.isDigit(p + 1) { sep = t[p]; p += 1 }
        guard let birth = t.digits(at: p, count: 8) else { return nil }
        p += 8
        if let s = sep {
            guard t[p] == s else { return nil }
            p += 1
        }
        guard let seq = t.digits(at: p, count: 3) else { return nil }
        p += 3
        let last = t[p]
        let check: Int
        if let d = t.digit(p) { check = d } else if last == 0x58 || last == 0x78 { check = 10 } else { return nil }
        p += 1
        guard !t.isAlnum(p) else { return nil }
        guard RegionCodes.isProvince(region[0] * 10 + region[1]) else { return nil }
        let year = birth[0] * 1000 + birth[1] * 100 + birth[2] * 10 + birth[3]
        let month = birth[4] * 10 + birth[5]
        let day = birth[6] * 10 + birth[7]
        guard year >= 1890, year <= latestBirthYear,
              Checksums.isValidDate(year: year, month: month, day: day) else { return nil }
        guard Checksums.residentIDCheck(region + birth + seq) == check else { return nil }
        return p
    }

    /// End of a plausible legacy 15-digit ID at `i` that follows an identity label.
    private func match15(_ t: ScanText, at i: Int) -> Int? {
        guard t.digitRun(at: i) == 15, !t.isLetter(i + 15),
              let d = t.digits(at: i, count: 15),
              RegionCodes.isProvince(d[0] * 10 + d[1]),
              Checksums.isValidDate(year: 1900 + d[6] * 10 + d[7], month: d[8] * 10 + d[9], day: d[10] * 10 + d[11]),
              ContextCues.near(t, before: i, window: 12, words: ContextCues.identity)
        else { return nil }
        return i + 15
    }
}
