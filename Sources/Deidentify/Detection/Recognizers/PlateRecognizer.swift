/// Motor-vehicle licence plates (GA 36-2018).
///
/// A province abbreviation, the issuing-office letter (a capital), an
/// optional separator (`·`, `・`, `-` or a space) and a serial: five letters or digits for
/// ordinary plates (at least one digit), or four and a final 挂/学/警/港/澳/领 for special
/// plates; six characters for new-energy plates — `D`/`F` + letter or digit + four digits
/// (small vehicles) or five digits + `D`/`F` (large vehicles).
struct PlateRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.plate] }

    static let provinces: Set<UInt32> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".scalarValues)
    private static let specialSuffixes: Set<UInt32> = Set("挂学警港澳领".scalarValues)

    /// The office letter starts an ASCII token; the province character sits just before it.
    func candidate(_ t: ScanText, at start: Int, length len: Int, floor: Int) -> PIISpan? {
        let i = start - 1
        guard len == 1 || (len >= 5 && len <= 7), i >= floor, t.isUpper(start),
              t.has(CharacterClasses.plateProvince, at: i) else { return nil }
        var p = i + 2
        let s = t[p]
        if s == 0xB7 || s == 0x30FB || s == 0x2D || s == 0x20 || s == 0x2022 { p += 1 }
        guard let end = newEnergy(t, at: p) ?? ordinary(t, at: p) else { return nil }
        return PIISpan(start: i, end: end, type: .plate, confidence: end - p == 6 ? 0.92 : 0.88,
                       rule: end - p == 6 ? "cn_plate.new_energy" : "cn_plate.ordinary")
    }

    @inline(__always) private func isSerialLetter(_ t: ScanText, _ i: Int) -> Bool {
        t.isUpper(i) && t[i] != 0x49 && t[i] != 0x4F
    }

    @inline(__always) private func isSerial(_ t: ScanText, _ i: Int) -> Bool { t.isDigit(i) || isSerialLetter(t, i) }

    private func newEnergy(_ t: ScanText, at p: Int) -> Int? {
        guard !t.isAlnum(p + 6) else { return nil }
        let first = t[p]
        if (first == 0x44 || first == 0x46), isSerial(t, p + 1), t.digitRun(at: p + 2) >= 4 { return p + 6 }
        let last = t[p + 5]
        if t.digitRun(at: p) == 5, last == 0x44 || last == 0x46 { return p + 6 }
        return nil
    }

    private func ordinary(_ t: ScanText, at p: Int) -> Int? {
        var digits = 0
        for k in 0..<4 {
            guard isSerial(t, p + k) else { return nil }
            if t.isDigit(p + k) { digits += 1 }
        }
        if isSerial(t, p + 4), !t.isAlnum(p + 5) {
            if t.isDigit(p + 4) { digits += 1 }
            return digits > 0 ? p + 5 : nil
        }
        if Self.specialSuffixes.contains(t[p + 4]), digits > 0 { return p + 5 }
        return nil
    }
}
