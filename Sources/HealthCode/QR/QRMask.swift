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

    /// Every mask repeats with period 12 along rows and columns: the
    /// conditions use i and j modulo 2, 3 and 6, and i/2, j/3 modulo 2.
    static let period = 12

    /// `rowPatterns[mask][i % 12]`: the modules of row i the mask inverts,
    /// across the widest symbol.
    static let rowPatterns: [[QRLineBits]] = all.map { mask in
        (0..<period).map { row in QRLineBits(count: QRVersion.size(40)) { inverts(mask, row: row, column: $0) } }
    }

    /// `columnPatterns[mask][j % 12]`: the modules of column j the mask inverts.
    static let columnPatterns: [[QRLineBits]] = all.map { mask in
        (0..<period).map { column in QRLineBits(count: QRVersion.size(40)) { inverts(mask, row: $0, column: column) } }
    }

    /// `lines` with the mask applied: each line XORed with its periodic
    /// pattern, limited to that line's data modules.
    static func masked(_ lines: [QRLineBits], _ patterns: [QRLineBits], _ data: [QRLineBits]) -> [QRLineBits] {
        (0..<lines.count).map { index in lines[index] ^ (patterns[index % period] & data[index]) }
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
