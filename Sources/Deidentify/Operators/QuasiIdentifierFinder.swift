/// Finds ages and calendar dates in running text, the quasi-identifiers that the
/// `generalise` operator coarsens besides detected spans.
enum QuasiIdentifierFinder {
    /// A found value and its generalised replacement.
    struct Finding { var start: Int; var end: Int; var replacement: String }

    static func find(_ t: ScanText, with g: Generaliser) -> [Finding] {
        var out: [Finding] = []
        var i = 0
        let n = t.count
        while i < n {
            guard t.isDigit(i), t.tokenStart(i) else { i += 1; continue }
            let run = t.digitRun(at: i)
            // Age: 1–3 digits followed by 岁 (周岁 too).
            if run <= 3, t[i + run] == 0x5C81, let age = Int(text(t, i, i + run)) {
                out.append(Finding(start: i, end: i + run, replacement: g.ageBand(age)))
                i += run + 1
                continue
            }
            if run == 4, let found = date(t, at: i, g) {
                out.append(found)
                i = found.end
                continue
            }
            i += max(run, 1)
        }
        return out
    }

    private static func text(_ t: ScanText, _ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        for k in a..<b { if let u = Unicode.Scalar(t[k]) { s.append(u) } }
        return String(s)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYY年M月D日` (day optional in the last).
    private static func date(_ t: ScanText, at i: Int, _ g: Generaliser) -> Finding? {
        guard let year = Int(text(t, i, i + 4)), year >= 1900, year <= 2100 else { return nil }
        let sep = t[i + 4]
        let chinese = sep == 0x5E74  // 年
        guard chinese || sep == 0x2D || sep == 0x2F || sep == 0x2E else { return nil }
        let mRun = t.digitRun(at: i + 5)
        guard mRun == 1 || mRun == 2, let month = Int(text(t, i + 5, i + 5 + mRun)), month >= 1, month <= 12 else { return nil }
        var p = i + 5 + mRun
        if chinese {
            guard t[p] == 0x6708 else { return nil }  // 月
            p += 1
            let dRun = t.digitRun(at: p)
            if dRun == 1 || dRun == 2, t[p + dRun] == 0x65E5 || t[p + dRun] == 0x53F7 { p += dRun + 1 }  // 日/号
        } else {
            guard t[p] == sep else { return nil }
            let dRun = t.digitRun(at: p + 1)
            guard dRun == 1 || dRun == 2, !t.isAlnum(p + 1 + dRun) else { return nil }
            p += 1 + dRun
        }
        return Finding(start: i, end: p, replacement: g.date(year: year, month: month))
    }
}
