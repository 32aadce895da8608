/// Resident identity card numbers (GB 11643-1999).
///
/// An 18-character number is six region digits, an eight-digit birth date, a three-digit
/// sequence and an ISO 7064 MOD 11-2 check character (`X` for 10). It is reported only when
/// the region starts with a real province code, the birth date exists and is not in the
/// future, and the check character matches. Grouped forms (`110101 19900307 123X`, with
/// spaces or hyphens) are accepted. The legacy 15-digit form (two-digit year, no check
/// character) is reported only next to an identity-document label, because without a check
/// character its shape alone says little.
struct ResidentIDRecognizer: TokenRecognizer {
    /// Latest plausible birth year; later dates are impossible.
    let latestBirthYear: Int

    var types: Set<PIIType> { [.residentID] }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len == 18 || len == 15 || len == 6, t.isDigit(i),
              let end = match18(t, at: i) ?? match15(t, at: i),
              !ContextCues.labelledNegative(t, before: i) else { return nil }
        let legacy = end - i == 15
        return PIISpan(start: i, end: end, type: .residentID, confidence: legacy ? 0.8 : 0.99,
                       rule: legacy ? "cn_id.legacy15" : "cn_id.mod11_2")
    }

    /// End of a valid 18-character ID starting at `i`, plain or grouped 6-8-4.
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    private func match18(_ t: ScanText, at i: Int) -> Int? {
        // Cheap shape test first: six digits, then a digit or a grouping separator.
        guard t.digitRun(at: i) >= 6 else { return nil }
        var p = i
        var sep: UInt32 = 0
        var sum = 0, k = 0, year = 0, month = 0, day = 0
        let weights = Self.weights
        while k < 17 {
            if (k == 6 || k == 14), sep != 0 || (k == 6 && t.isGroupSeparator(p) && t.isDigit(p + 1)) {
                if k == 6 { sep = t[p] } else { guard t[p] == sep else { return nil } }
                p += 1
            }
            guard let d = t.digit(p) else { return nil }
            sum += d * weights[k]
            switch k {
            case 6...9: year = year * 10 + d
            case 10...11: month = month * 10 + d
            case 12...13: day = day * 10 + d
            default: break
            }
            k += 1
            p += 1
        }
        let last = t[p]
        let check: Int
        if let d = t.digit(p) { check = d } else if last == 0x58 || last == 0x78 { check = 10 } else { return nil }
        p += 1
        guard !t.isAlnum(p) else { return nil }
        guard let r0 = t.digit(i), let r1 = t.digit(i + 1), RegionCodes.isProvince(r0 * 10 + r1) else { return nil }
        guard year >= 1890, year <= latestBirthYear,
              Checksums.isValidDate(year: year, month: month, day: day) else { return nil }
        guard (12 - sum % 11) % 11 == check else { return nil }
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
