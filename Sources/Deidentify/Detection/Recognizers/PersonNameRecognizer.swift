/// Person names: a known surname and a one- or two-character given name, found where the
/// text says a name stands.
///
/// Three rules fire, each requiring a surname from `Surnames`:
/// - **role cue**: after a role word such as 患者, 病例, 联系人, 收货人 or a chat mention `@`;
/// - **title cue**: before 先生/女士/小姐/同志;
/// - **field**: a whole delimited field (CSV, TSV, pipe, JSON string) of two to four Han
///   characters that is not a common word and does not end like a place or organisation.
/// Where a cue is followed by a longer run of Han characters, the name ends before a word
/// that cannot continue a name (登录, 的, 在, 电话 …); without one it is taken as surname +
/// one character at lower confidence.
struct PersonNameRecognizer: Recognizer {
    var types: Set<PIIType> { [.person] }

    func recognize(_ t: ScanText, into spans: inout [PIISpan]) {
        let n = t.count
        var next = 0
        // Only three kinds of position can start a name: after a field delimiter (or at the
        // start), after a role word, and before a title; the flags table finds them.
        func attempt(_ j: Int, field isField: Bool) {
            guard j >= next, j < n, t.isHan(j) else { return }
            let sl = Surnames.length(t, at: j)
            guard sl > 0 else { return }
            if let span = (isField ? field(t, at: j) : nil) ?? cued(t, at: j, surname: sl) {
                spans.append(span)
                next = span.end
            }
        }
        attempt(0, field: true)
        let interesting = CharacterClasses.fieldDelimiter | CharacterClasses.nameCueLast | CharacterClasses.titleInitial
        for mark in t.marks {
            let i = Int(mark)
            let f = t.flags(i)
            if f & interesting != 0 {
                if f & CharacterClasses.fieldDelimiter != 0 { attempt(i + 1, field: true) }
                if f & CharacterClasses.nameCueLast != 0 {
                    var j = i + 1
                    var skipped = 0
                    while skipped < 2, ContextCues.isLabelSeparator(t[j]) { j += 1; skipped += 1 }
                    attempt(j, field: false)
                }
                if f & CharacterClasses.titleInitial != 0, let span = titled(t, at: i), span.start >= next {
                    spans.append(span)
                }
            }
        }
    }

    @inline(__always) static func isFieldDelimiter(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x09 || v == 0x7C || v == 0x2C || v == 0x22 || v == 0x3B
    }

    /// Length of the run of Han characters from `i`, capped at `cap`.
    private func hanRun(_ t: ScanText, at i: Int, cap: Int) -> Int {
        var k = 0
        while k < cap, t.isHan(i + k) { k += 1 }
        return k
    }

    private func field(_ t: ScanText, at i: Int) -> PIISpan? {
        let run = hanRun(t, at: i, cap: 5)
        guard run >= 2, run <= 4 else { return nil }
        let end = i + run
        guard end == t.count || Self.isFieldDelimiter(t[end]) else { return nil }
        guard !NameCues.isCommonWord(t, i, end), !NameCues.nonNameEndings.contains(t[end - 1]) else { return nil }
        // Four characters only with a compound surname (欧阳娜娜).
        if run == 4, Surnames.length(t, at: i) != 2 { return nil }
        return PIISpan(start: i, end: end, type: .person, confidence: 0.75, rule: "person.field")
    }

    private func cued(_ t: ScanText, at i: Int, surname sl: Int) -> PIISpan? {
        var end = i
        var skipped = 0
        while skipped < 2, end > 0, ContextCues.isLabelSeparator(t[end - 1]) { end -= 1; skipped += 1 }
        guard t.has(CharacterClasses.nameCueLast, at: end - 1), NameCues.before.contains(where: { t.matches($0, endingAt: end) }) else { return nil }
        let run = hanRun(t, at: i, cap: sl + 3)
        guard run > sl else { return nil }
        var length: Int
        var confidence = 0.85
        if run <= sl + 2 {
            length = run
        } else if NameCues.stops.contains(where: { t.matches($0, at: i + sl + 1) }) {
            length = sl + 1
        } else if NameCues.stops.contains(where: { t.matches($0, at: i + sl + 2) }) {
            length = sl + 2
        } else {
            length = sl + 1
            confidence = 0.6
        }
        // A given name does not contain a function word (王在家 is not a name).
        if length == sl + 2, NameCues.stops.contains(where: { $0.count == 1 && t.matches($0, at: i + sl + 1) }) {
            length = sl + 1
        }
        guard !NameCues.isCommonWord(t, i, i + length) else { return nil }
        return PIISpan(start: i, end: i + length, type: .person, confidence: confidence, rule: "person.role_cue")
    }

    /// A name ending at `i` when a title such as 先生 starts at `i`.
    private func titled(_ t: ScanText, at i: Int) -> PIISpan? {
        guard t.has(CharacterClasses.titleInitial, at: i), NameCues.titles.contains(where: { t.matches($0, at: i) }) else { return nil }
        for k in [2, 3, 1] where i - k >= 0 {
            guard (0..<k).allSatisfy({ t.isHan(i - k + $0) }) else { continue }
            let sl = Surnames.length(t, at: i - k)
            guard sl > 0, sl < k || k == 1 else { continue }
            return PIISpan(start: i - k, end: i, type: .person, confidence: 0.7, rule: "person.title_cue")
        }
        return nil
    }
}
