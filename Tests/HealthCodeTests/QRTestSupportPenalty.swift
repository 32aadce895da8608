@testable import HealthCode

/// A direct, module-by-module reading of ISO/IEC 18004 Table 11, to check
/// the word-wide scorer against.
enum QRPlainPenalty {
    static func score(_ m: [UInt8], size: Int) -> QRPenalty.Score {
        var score = QRPenalty.Score()
        // Outside the symbol is light.
        func at(_ line: [UInt8], _ k: Int) -> UInt8 { k >= 0 && k < line.count ? line[k] : 0 }
        let lines = (0..<size).map { r in Array(m[(r * size)..<((r + 1) * size)]) }
            + (0..<size).map { c in (0..<size).map { m[$0 * size + c] } }
        let finder: [UInt8] = [1, 0, 1, 1, 1, 0, 1]
        for line in lines {
            var k = 0
            while k < size {
                var end = k
                while end + 1 < size && line[end + 1] == line[k] { end += 1 }
                let length = end - k + 1
                if length >= 5 { score.runs += 3 + length - 5 }
                k = end + 1
            }
            for start in 0...(size - 7) where (0..<7).allSatisfy({ line[start + $0] == finder[$0] }) {
                let before = (1...4).allSatisfy { at(line, start - $0) == 0 }
                let after = (7...10).allSatisfy { at(line, start + $0) == 0 }
                if before || after { score.finderPatterns += 40 }
            }
        }
        for r in 0..<(size - 1) {
            for c in 0..<(size - 1) {
                let sum = m[r * size + c] + m[r * size + c + 1] + m[(r + 1) * size + c] + m[(r + 1) * size + c + 1]
                if sum == 0 || sum == 4 { score.blocks += 3 }
            }
        }
        let dark = m.reduce(0) { $0 + Int($1) }
        score.balance = abs(dark * 20 - size * size * 10) / (size * size) * 10
        return score
    }
}

/// ISO/IEC 18004 Table 10 applied module by module, to check the encoder's
/// periodic bit-set masking against.
enum QRPlainMask {
    static func apply(_ mask: Int, to modules: inout [UInt8], template: QRTemplate) {
        let size = template.size
        for row in 0..<size {
            for column in 0..<size where !template.isFunction[row * size + column] {
                if QRMask.inverts(mask, row: row, column: column) { modules[row * size + column] ^= 1 }
            }
        }
    }
}
