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

    /// Character flags (`CharacterClasses.table`), held here so hot loops need no lazy-global check.
    let classes: [UInt16]

    init(_ text: String) {
        var text = text
        var folds = false
        var starts: [Int32] = [], lengths: [Int32] = [], marks: [Int32] = []
        let classes = CharacterClasses.table
        let markTable = CharacterClasses.markTable
        let asciiClass = Self.asciiClass
        let folded: [UInt32] = text.withUTF8 { bytes in
            starts.reserveCapacity(bytes.count / 8 + 4)
            lengths.reserveCapacity(bytes.count / 8 + 4)
            marks.reserveCapacity(bytes.count / 16 + 4)
            return [UInt32](unsafeUninitializedCapacity: bytes.count) { out, count in
                markTable.withUnsafeBufferPointer { marked in
                    var i = 0, n = 0
                    let end = bytes.count
                    var previousAlnum = false
                    var runStart = 0, runSlot = -1
                    while i < end {
                        let b0 = UInt32(bytes[i])
                        var v: UInt32
                        if b0 < 0x80 {
                            v = b0; i += 1
                        } else if b0 < 0xE0 {
                            v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                        } else if b0 < 0xF0 {
                            v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                        } else {
                            v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F); i += 4
                        }
                        var alnum = false
                        var punct = false
                        var isMarked = false
                        if v < 0x80 {
                            let c = asciiClass[Int(v)]
                            alnum = c & 1 != 0
                            punct = c & 2 != 0
                            isMarked = marked[Int(v)]
                        } else if v >= 0x4E00 && v < 0xA000 {
                            isMarked = marked[Int(v) - 0x4E00 + 0x80]
                        } else if v >= 0xFF08 && v <= 0xFF5A {
                            if v >= 0xFF10 && (v <= 0xFF19 || (v >= 0xFF21 && v <= 0xFF3A) || v >= 0xFF41) {
                                v -= 0xFEE0
                                folds = true
                                alnum = true
                            } else {
                                punct = v == 0xFF0B || v == 0xFF08
                            }
                        }
                        out[n] = v
                        if alnum {
                            if !previousAlnum {
                                starts.append(Int32(n))
                                lengths.append(0)
                                runStart = n
                                runSlot = lengths.count - 1
                            }
                        } else {
                            if previousAlnum { lengths[runSlot] = Int32(n - runStart) }
                            if punct {
                                starts.append(Int32(n))
                                lengths.append(0)
                            }
                            if isMarked { marks.append(Int32(n)) }
                        }
                        previousAlnum = alnum
                        n += 1
                    }
                    if previousAlnum { lengths[runSlot] = Int32(n - runStart) }
                    count = n
                }
            }
        }
        self.folded = folded
        self.raw = folds ? Array(text.unicodeScalars.map(\.value)) : folded
        self.tokenStarts = starts
        self.tokenLengths = lengths
        self.marks = marks
        self.classes = classes
    }

    /// ASCII classes: bit 0 letter or digit, bit 1 punctuation that starts a token (`+ ( : @`).
    private static let asciiClass: [UInt8] = (0..<128).map { v -> UInt8 in
        let alnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        let punct = v == 0x2B || v == 0x28 || v == 0x3A || v == 0x40
        return (alnum ? 1 : 0) | (punct ? 2 : 0)
    }

    /// Positions of characters that can anchor a name or an address (`CharacterClasses.positionMarks`).
    let marks: [Int32]

    /// Positions where an ASCII-shaped token may begin: a letter or digit not preceded by
    /// one, and the `+`, `(`, `（`, `:` and `@` that can open a phone number, an IPv6
    /// address or mark an e-mail. Recognizers of numbers and codes visit only these.
    let tokenStarts: [Int32]
    /// For each token start, the length of its run of ASCII letters and digits (0 for
    /// the punctuation starts), so recognizers reject most tokens by length alone.
    let tokenLengths: [Int32]

    /// `CharacterClasses` flags of the scalar at `i` (0 outside the text or the BMP).
    @inline(__always) func flags(_ i: Int) -> UInt16 {
        let v = self[i]
        return v < 0x10000 ? classes[Int(v)] : 0
    }

    /// Whether the scalar at `i` has `flag`.
    @inline(__always) func has(_ flag: UInt16, at i: Int) -> Bool { flags(i) & flag != 0 }

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
