/// Postal addresses from the first administrative unit to the house or room number.
///
/// An address starts at a province-level name (四川省, 内蒙古自治区) or at a city, prefecture,
/// district or county unit (…市, …州, …区, …县, …盟, …旗). It continues over further units
/// (towns, villages, streets, roads) and must reach a road-level unit and then a number with
/// its unit (号, 号楼, 栋, 单元, 室, 组 …); it ends after the last such number, so a
/// following postcode or remark is outside. Where a unit name is preceded by other Han
/// text, the start is placed after the last introducing word (住址, 位于, 寄到, 在 …), or,
/// without one, two characters before the suffix, the usual length of a county name.
struct AddressRecognizer: Recognizer {
    var types: Set<PIIType> { [.address] }

    func recognize(_ t: ScanText, into spans: inout [PIISpan]) {
        var floor = 0
        for mark in t.marks {
            let i = Int(mark)
            guard i >= floor else { continue }
            let v = t[i]
            let f = t.flags(i)
            if f & CharacterClasses.provinceInitial != 0,
               AddressLexicon.provinces.contains(where: { t.matches($0, at: i) }),
               let end = parse(t, from: i) {
                spans.append(PIISpan(start: i, end: end, type: .address, confidence: 0.85, rule: "address.province"))
                floor = end
                continue
            }
            // 州 followed by 市 belongs to a city name (杭州市); the unit ends at 市.
            if f & CharacterClasses.firstUnitEnding != 0, !(v == 0x5DDE && t[i + 1] == 0x5E02),
               let s = nameStart(t, suffixAt: i, floor: floor),
               let end = parse(t, from: s) {
                spans.append(PIISpan(start: s, end: end, type: .address, confidence: 0.8, rule: "address.unit"))
                floor = end
            }
        }
    }

    /// Where the name of a unit whose suffix is at `j` begins.
    private func nameStart(_ t: ScanText, suffixAt j: Int, floor: Int) -> Int? {
        var b = j
        while b > floor, j - b < 12, t.isHan(b - 1) { b -= 1 }
        guard j - b >= 1 else { return nil }
        // The last introducing word that leaves a name of two or more characters, else one.
        var best: Int? = nil
        var e = b
        while e <= j - 1 {
            if t.has(CharacterClasses.leadWordLast, at: e - 1), AddressLexicon.leadWords.contains(where: { t.matches($0, endingAt: e) && e - $0.count >= b }) {
                if e <= j - 2 || best == nil { best = e }
            }
            e += 1
        }
        if let s = best { return s }
        // A whole run between non-Han characters is the name (博尔塔拉蒙古自治州).
        if b == 0 || !t.isHan(b - 1) || b == floor { return b }
        return max(b, j - 2)
    }

    /// End of the address that starts at `s`, or nil when it never reaches a numbered unit.
    private func parse(_ t: ScanText, from s: Int) -> Int? {
        var p = s
        var sawRoad = false
        var lastNumberEnd: Int? = nil
        while true {
            if let (end, kind) = unit(t, at: p) {
                if kind == .road { sawRoad = true }
                p = end
                continue
            }
            if sawRoad, let end = numbered(t, at: p) {
                p = end
                lastNumberEnd = end
                continue
            }
            // A named compound between numbers (…号幸福里小区36栋).
            if lastNumberEnd == p {
                var k = 0
                while k < 10, t.isHan(p + k) { k += 1 }
                if k >= 2, let end = numbered(t, at: p + k) {
                    p = end
                    lastNumberEnd = end
                    continue
                }
            }
            break
        }
        return lastNumberEnd
    }

    /// One unit (a name and its suffix) at `p`: the earliest suffix within the Han run.
    private func unit(_ t: ScanText, at p: Int) -> (Int, AddressLexicon.UnitKind)? {
        var q = p
        while q < p + 14, t.isHan(q) {
            if t.has(CharacterClasses.unitSuffixInitial, at: q) {
                for (word, kind) in AddressLexicon.suffixes where t.matches(word, at: q) {
                    return (q + word.count, kind)
                }
            }
            q += 1
        }
        return nil
    }

    /// A number and its unit at `p` (59号, 3单元, 2401室).
    private func numbered(_ t: ScanText, at p: Int) -> Int? {
        let run = t.digitRun(at: p)
        guard run >= 1, run <= 5 else { return nil }
        let q = p + run
        for u in AddressLexicon.numberUnits where t.matches(u, at: q) { return q + u.count }
        return nil
    }
}
