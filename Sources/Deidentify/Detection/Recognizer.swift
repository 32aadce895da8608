/// A rule set that finds one family of personal information in a decoded text.
///
/// Recognizers append candidate spans; `PIIScanner` resolves overlaps between them.
protocol Recognizer: Sendable {
    /// The types this recognizer can report.
    var types: Set<PIIType> { get }
    /// Appends every candidate found in `text` to `spans`.
    func recognize(_ text: ScanText, into spans: inout [PIISpan])
}

extension ScanText {
    /// Whether `i` starts a token: the scalar before it is not an ASCII letter or digit.
    @inline(__always) func tokenStart(_ i: Int) -> Bool { !isAlnum(i - 1) }

    /// Reads `count` digits from `i`; nil if any is not a digit.
    func digits(at i: Int, count: Int) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            guard let d = digit(i + k) else { return nil }
            out.append(d)
        }
        return out
    }

    /// Length of the run of digits starting at `i`.
    func digitRun(at i: Int) -> Int {
        var k = i
        while isDigit(k) { k += 1 }
        return k - i
    }

    /// Whether `i` holds a digit-group separator: ASCII space or hyphen.
    @inline(__always) func isGroupSeparator(_ i: Int) -> Bool { let v = self[i]; return v == 0x20 || v == 0x2D }
}

/// A recognizer of ASCII-shaped values (numbers, codes, addresses of the internet) that
/// starts only at `ScanText.tokenStarts`.
protocol TokenRecognizer: Recognizer {
    /// The value starting at token start `i` whose letter-and-digit run is `len` long, if
    /// any. `floor` is the end of this recognizer's previous span (no overlap before it).
    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan?
}

extension TokenRecognizer {
    func recognize(_ t: ScanText, into spans: inout [PIISpan]) {
        var next = 0
        let starts = t.tokenStarts, lengths = t.tokenLengths
        for slot in starts.indices {
            let i = Int(starts[slot])
            guard i >= next, let span = candidate(t, at: i, length: Int(lengths[slot]), floor: next) else { continue }
            spans.append(span)
            next = span.end
        }
    }
}
