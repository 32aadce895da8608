/// Unified social credit codes (GB 32100-2015).
///
/// Eighteen characters from the code alphabet (digits and capitals without I, O, S, V, Z):
/// a registration-authority character, an organisation-type digit, the six-digit
/// administrative division of the registering office (its first two digits a province code),
/// nine characters of organisation code and the mod-31 check character of §4.5.
struct USCCRecognizer: Recognizer {
    var types: Set<PIIType> { [.uscc] }

    private static let authorities: Set<UInt32> = Set("123456789ANY".scalarValues)

    func recognize(_ t: ScanText, into spans: inout [PIISpan]) {
        var i = 0
        let n = t.count
        var values = [Int](repeating: 0, count: 18)
        while i < n {
            guard t.isAlnum(i), t.tokenStart(i) else { i += 1; continue }
            if Self.authorities.contains(t[i]), !t.isAlnum(i + 18), t.isDigit(i + 1), t[i + 1] != 0x30 {
                var ok = true
                for k in 0..<18 {
                    guard let v = Checksums.usccValue(t[i + k]) else { ok = false; break }
                    values[k] = v
                }
                if ok, (2..<8).allSatisfy({ t.isDigit(i + $0) }),
                   RegionCodes.isProvince(values[2] * 10 + values[3]),
                   Checksums.usccCheck(values) == values[17],
                   !ContextCues.labelled(t, before: i, by: ContextCues.negative) {
                    spans.append(PIISpan(start: i, end: i + 18, type: .uscc, confidence: 0.97, rule: "cn_uscc.gb32100"))
                    i += 18
                    continue
                }
            }
            while t.isAlnum(i) { i += 1 }
        }
    }
}
