/// The eight data mask patterns (ISO/IEC 18004 §7.8.2, Table 10): a data or
/// error-correction module at row i, column j is inverted when the pattern's
/// condition holds.
enum QRMask {
    /// The mask pattern references.
    static let all = 0..<8

    /// Whether pattern `mask` inverts the module at (`row`, `column`).
    @inline(__always)
    static func inverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// Applies `mask` to every non-function module of `modules` (an XOR, so
    /// applying it twice restores the input).
    static func apply(_ mask: Int, to modules: inout [UInt8], template: QRTemplate) {
        let size = template.size
        modules.withUnsafeMutableBufferPointer { out in
            template.isFunction.withUnsafeBufferPointer { function in
                for row in 0..<size {
                    let base = row * size
                    for column in 0..<size where !function[base + column] {
                        if inverts(mask, row: row, column: column) { out[base + column] ^= 1 }
                    }
                }
            }
        }
    }

    /// Writes both copies of the format information for `level` and `mask`
    /// with the always-dark module at (4V + 9, 8) (§7.9.1) and, from version
    /// 7, both copies of the version information (§7.10).
    static func drawFormatAndVersion(
        level: QRCode.ErrorCorrectionLevel, mask: Int, version: Int, into modules: inout [UInt8], size: Int
    ) {
        let format = QRFormatInformation.formatBits(level: level, mask: mask)
        for (bit, position) in QRFormatInformation.formatPositions(size: size).enumerated() {
            let value = UInt8((format >> UInt32(bit)) & 1)
            modules[position.first.row * size + position.first.column] = value
            modules[position.second.row * size + position.second.column] = value
        }
        modules[(size - 8) * size + 8] = 1
        guard version >= 7 else { return }
        let versionBits = QRFormatInformation.versionBits(version)
        for (bit, position) in QRFormatInformation.versionPositions(size: size).enumerated() {
            let value = UInt8((versionBits >> UInt32(bit)) & 1)
            modules[position.first.row * size + position.first.column] = value
            modules[position.second.row * size + position.second.column] = value
        }
    }
}
