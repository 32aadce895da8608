/// One row or column of a symbol as a 192-bit set, for scoring masks with
/// word-wide operations instead of module by module.
///
/// Module k of the line is bit k + 4: the four bits below and everything
/// past the last module stay 0, so the light quiet zone around the symbol
/// is present on both sides for the finder-like pattern rule. Versions up to
/// 40 (177 modules) plus 8 quiet bits fit in three words.
struct QRLineBits: Sendable, Equatable {
    /// Bit position of module 0.
    static let offset = 4

    var w0: UInt64 = 0
    var w1: UInt64 = 0
    var w2: UInt64 = 0

    init() {}

    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64) {
        (self.w0, self.w1, self.w2) = (w0, w1, w2)
    }

    /// The line whose module k is `isSet(k)`, for k in 0..<count.
    init(count: Int, _ isSet: (Int) -> Bool) {
        for k in 0..<count where isSet(k) { insert(k + Self.offset) }
    }

    /// Bits `lower...upper` set (bit positions, not module indices).
    static func range(_ lower: Int, _ upper: Int) -> QRLineBits {
        var line = QRLineBits()
        if lower <= upper { for bit in lower...upper { line.insert(bit) } }
        return line
    }

    mutating func insert(_ bit: Int) {
        switch bit >> 6 {
        case 0: w0 |= 1 << UInt64(bit & 63)
        case 1: w1 |= 1 << UInt64(bit & 63)
        default: w2 |= 1 << UInt64(bit & 63)
        }
    }

    var nonzeroBitCount: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount }

    /// Shifts towards bit 0 by `k` (1–63): bit i of the result is bit i + k.
    @inline(__always)
    static func >> (line: QRLineBits, k: Int) -> QRLineBits {
        let up = UInt64(64 - k), down = UInt64(k)
        return QRLineBits(line.w0 >> down | line.w1 << up, line.w1 >> down | line.w2 << up, line.w2 >> down)
    }

    /// Shifts away from bit 0 by `k` (1–63): bit i of the result is bit i − k.
    @inline(__always)
    static func << (line: QRLineBits, k: Int) -> QRLineBits {
        let up = UInt64(64 - k), down = UInt64(k)
        return QRLineBits(line.w0 << down, line.w1 << down | line.w0 >> up, line.w2 << down | line.w1 >> up)
    }

    @inline(__always)
    static func & (a: QRLineBits, b: QRLineBits) -> QRLineBits { QRLineBits(a.w0 & b.w0, a.w1 & b.w1, a.w2 & b.w2) }

    @inline(__always)
    static func | (a: QRLineBits, b: QRLineBits) -> QRLineBits { QRLineBits(a.w0 | b.w0, a.w1 | b.w1, a.w2 | b.w2) }

    @inline(__always)
    static func ^ (a: QRLineBits, b: QRLineBits) -> QRLineBits { QRLineBits(a.w0 ^ b.w0, a.w1 ^ b.w1, a.w2 ^ b.w2) }

    @inline(__always)
    static prefix func ~ (a: QRLineBits) -> QRLineBits { QRLineBits(~a.w0, ~a.w1, ~a.w2) }
}

extension QRLineBits {
    /// Bit `index` (a bit position, not a module index) as 0 or 1.
    @inline(__always)
    func bit(_ index: Int) -> UInt8 {
        let word = index < 64 ? w0 : (index < 128 ? w1 : w2)
        return UInt8(truncatingIfNeeded: word >> UInt64(index & 63)) & 1
    }

    /// The rows of a row-major module matrix (1 = dark).
    static func rows(of modules: [UInt8], size: Int) -> [QRLineBits] {
        modules.withUnsafeBufferPointer { m in
            (0..<size).map { row in
                var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
                for column in 0..<size {
                    let bit = column + offset, value = UInt64(m[row * size + column]) << UInt64(bit & 63)
                    switch bit >> 6 {
                    case 0: words.0 |= value
                    case 1: words.1 |= value
                    default: words.2 |= value
                    }
                }
                return QRLineBits(words.0, words.1, words.2)
            }
        }
    }

    /// The columns of a row-major module matrix (1 = dark).
    static func columns(of modules: [UInt8], size: Int) -> [QRLineBits] {
        var columns = [QRLineBits](repeating: QRLineBits(), count: size)
        modules.withUnsafeBufferPointer { m in
            for row in 0..<size {
                let bit = row + offset, shift = UInt64(bit & 63), word = bit >> 6
                for column in 0..<size {
                    let value = UInt64(m[row * size + column]) << shift
                    switch word {
                    case 0: columns[column].w0 |= value
                    case 1: columns[column].w1 |= value
                    default: columns[column].w2 |= value
                    }
                }
            }
        }
        return columns
    }

    /// The row-major module matrix (1 = dark) whose rows these are.
    static func modules(rows: [QRLineBits], size: Int) -> [UInt8] {
        var modules = [UInt8](repeating: 0, count: size * size)
        modules.withUnsafeMutableBufferPointer { out in
            for row in 0..<size {
                let line = rows[row]
                for column in 0..<size { out[row * size + column] = line.bit(column + offset) }
            }
        }
        return modules
    }
}
