/// Unified social credit codes (GB 32100-2015).
///
/// Eighteen characters from the code alphabet (digits and capitals without I, O, S, V, Z):
/// a registration-authority character, an organisation-type digit, the six-digit
/// administrative division of the registering office (its first two digits a province code),
/// nine characters of organisation code and the mod-31 check character of §4.5.
struct USCCRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.uscc] }

    /// Registration-authority characters: 1–9, A (military), N (agriculture), Y (other).
    @inline(__always) private static func isAuthority(_ v: UInt32) -> Bool {
        (v >= 0x31 && v <= 0x39) || v == 0x41 || v == 0x4E || v == 0x59
    }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len == 18, Self.isAuthority(t[i]), t.isDigit(i + 1), t[i + 1] != 0x30 else { return nil }
        var sum = 0
        let weights = Self.weights
        for k in 0..<17 {
            guard let v = Checksums.usccValue(t[i + k]) else { return nil }
            // Characters 3–8 are the registering office's division code: digits, a real province.
            if k >= 2 && k < 8 && v > 9 { return nil }
            sum += v * weights[k]
        }
        guard let check = Checksums.usccValue(t[i + 17]), (31 - sum % 31) % 31 == check,
              let p0 = t.digit(i + 2), let p1 = t.digit(i + 3), RegionCodes.isProvince(p0 * 10 + p1),
              !ContextCues.labelledNegative(t, before: i) else { return nil }
        return PIISpan(start: i, end: i + 18, type: .uscc, confidence: 0.97, rule: "cn_uscc.gb32100")
    }

    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
}
