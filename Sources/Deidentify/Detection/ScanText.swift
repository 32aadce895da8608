/// A text decoded once into Unicode scalars, the working form of every recognizer.
///
/// Recognizers index an array of scalar values, so offsets are code points by construction
/// and no `String.Index` arithmetic sits in the hot path. Full-width digits and Latin letters
/// (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) are folded to ASCII in `folded`, one scalar for
/// one scalar, so offsets stay those of the original text.
struct ScanText {
    /// Scalar values of the original text.
    let raw: [UInt32]
    /// Scalar values with full-width digits and letters folded to ASCII.
    let folded: [UInt32]

    init(_ text: String) {
        var raw: [UInt32] = []
        raw.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { raw.append(scalar.value) }
        var folded = raw
        for i in folded.indices {
            let v = folded[i]
            if v >= 0xFF10 && v <= 0xFF5A
                && (v <= 0xFF19 || (v >= 0xFF21 && v <= 0xFF3A) || v >= 0xFF41) {
                folded[i] = v - 0xFEE0
            }
        }
        self.raw = raw
        self.folded = folded
    }

    /// Number of scalars.
    var count: Int { raw.count }

    /// Folded scalar at `i`, or 0 outside the text, so boundary checks need no bounds test.
    @inline(__always) subscript(i: Int) -> UInt32 {
        i >= 0 && i < folded.count ? folded[i] : 0
    }

    /// Digit value at `i`, or nil.
    @inline(__always) func digit(_ i: Int) -> Int? {
        let v = self[i]
        return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil
    }

    @inline(__always) func isDigit(_ i: Int) -> Bool { let v = self[i]; return v >= 0x30 && v <= 0x39 }

    @inline(__always) func isUpper(_ i: Int) -> Bool { let v = self[i]; return v >= 0x41 && v <= 0x5A }

    @inline(__always) func isLetter(_ i: Int) -> Bool {
        let v = self[i] | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    @inline(__always) func isAlnum(_ i: Int) -> Bool { isDigit(i) || isLetter(i) }

    /// Whether `i` holds a CJK unified ideograph (the basic block and extension A).
    @inline(__always) func isHan(_ i: Int) -> Bool { Self.isHan(self[i]) }

    @inline(__always) static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Whether the scalars from `i` spell `word` (given as scalars).
    @inline(__always) func matches(_ word: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        for k in 0..<word.count where folded[i + k] != word[k] { return false }
        return true
    }

    /// Whether the scalars ending just before `end` spell `word`.
    @inline(__always) func matches(_ word: [UInt32], endingAt end: Int) -> Bool {
        matches(word, at: end - word.count)
    }
}

extension String {
    /// The string's scalars as values, for building word tables.
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
