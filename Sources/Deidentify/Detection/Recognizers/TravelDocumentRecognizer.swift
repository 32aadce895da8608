/// Passport and Hong Kong/Macau travel-permit numbers.
///
/// Ordinary e-passports are `E` + 8 digits or `E` + one capital (not I or O) + 7 digits;
/// older ordinary passports `G` + 8 digits. Exit-entry permits for Hong Kong and Macau are
/// `C` + 8 digits or `C` + capital + 7 digits; home-return permits `H`/`M` + 8 digits with
/// an optional two-digit issue count. Diplomatic, service and public-affairs passports
/// (`D`, `S`, `P` + 7 or 8 digits) share their shape with too many other codes and are
/// reported only after a 护照 label.
struct TravelDocumentRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.passport, .hkmoPermit] }

    private static let passportLabel: [[UInt32]] = ["护照"].map(\.scalarValues)

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len >= 8 && len <= 11, t.isUpper(i) else { return nil }
        return match(t, at: i)
    }

    /// Whether `i` holds a serial letter: a capital other than I and O.
    @inline(__always) private func isSerialLetter(_ t: ScanText, _ i: Int) -> Bool {
        t.isUpper(i) && t[i] != 0x49 && t[i] != 0x4F
    }

    private func match(_ t: ScanText, at i: Int) -> PIISpan? {
        let lead = t[i]
        let run = t.digitRun(at: i + 1)
        let lettered = isSerialLetter(t, i + 1) && t.digitRun(at: i + 2) == 7 && !t.isAlnum(i + 9)
        let eight = run == 8 && !t.isLetter(i + 9)
        switch lead {
        case 0x45 where eight || lettered, 0x47 where eight:  // E, G
            return PIISpan(start: i, end: i + 9, type: .passport, confidence: 0.9, rule: "cn_passport.ordinary")
        case 0x43 where eight || lettered:  // C
            return PIISpan(start: i, end: i + 9, type: .hkmoPermit, confidence: 0.9, rule: "cn_hkmo.exit_entry")
        case 0x48, 0x4D:  // H, M
            guard (run == 8 || run == 10), !t.isLetter(i + 1 + run) else { return nil }
            return PIISpan(start: i, end: i + 1 + run, type: .hkmoPermit, confidence: 0.85, rule: "cn_hkmo.home_return")
        case 0x44, 0x53, 0x50:  // D, S, P
            guard run == 7 || run == 8, !t.isLetter(i + 1 + run),
                  ContextCues.near(t, before: i, window: 10, words: Self.passportLabel) else { return nil }
            return PIISpan(start: i, end: i + 1 + run, type: .passport, confidence: 0.8, rule: "cn_passport.official")
        default:
            return nil
        }
    }
}
