/// Format and version information: BCH-protected words that tell a reader the
/// error-correction level and mask (ISO/IEC 18004 §7.9) and the version
/// (§7.10).
enum QRFormatInformation {
    /// Generator of the BCH(15,5) code: x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (Annex C).
    static let formatGenerator: UInt32 = 0x537
    /// XOR mask that keeps the format word from being all light (§7.9.1).
    static let formatMask: UInt32 = 0x5412
    /// Generator of the BCH(18,6) code: x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (Annex D).
    static let versionGenerator: UInt32 = 0x1F25

    /// The 15-bit format word for `level` and `mask` (0–7), masked, bit 14 first.
    static func formatBits(level: QRCode.ErrorCorrectionLevel, mask: Int) -> UInt32 {
        let data = level.formatBits << 3 | UInt32(mask)
        return (data << 10 | remainder(of: data << 10, generator: formatGenerator, degree: 10)) ^ formatMask
    }

    /// The 18-bit version word for versions 7–40: six version bits then 12 BCH bits.
    static func versionBits(_ version: Int) -> UInt32 {
        let data = UInt32(version)
        return data << 12 | remainder(of: data << 12, generator: versionGenerator, degree: 12)
    }

    /// Polynomial remainder over GF(2) of `dividend` by `generator` of `degree`.
    static func remainder(of dividend: UInt32, generator: UInt32, degree: Int) -> UInt32 {
        var value = dividend
        var bit = 31
        while bit >= degree {
            if (value >> UInt32(bit)) & 1 == 1 { value ^= generator << UInt32(bit - degree) }
            bit -= 1
        }
        return value
    }

    /// A module coordinate.
    struct Position: Sendable, Equatable {
        let row: Int
        let column: Int
    }

    /// For each format bit 0–14 (bit 14 most significant), the module of its
    /// copy around the upper-left finder and of its copy split between the
    /// upper-right and lower-left finders (§7.9.1, Figure 25).
    static func formatPositions(size: Int) -> [(first: Position, second: Position)] {
        (0..<15).map { bit in
            let first: Position
            switch bit {
            case 0...5: first = Position(row: bit, column: 8)
            case 6: first = Position(row: 7, column: 8)
            case 7: first = Position(row: 8, column: 8)
            case 8: first = Position(row: 8, column: 7)
            default: first = Position(row: 8, column: 14 - bit)
            }
            let second = bit < 8
                ? Position(row: 8, column: size - 1 - bit)
                : Position(row: size - 15 + bit, column: 8)
            return (first, second)
        }
    }

    /// For each version bit 0–17 (bit 17 most significant), its module in the
    /// block above the upper-right finder and in the block left of the
    /// lower-left finder (§7.10, Figure 27).
    static func versionPositions(size: Int) -> [(first: Position, second: Position)] {
        (0..<18).map { bit in
            let a = size - 11 + bit % 3, b = bit / 3
            return (Position(row: b, column: a), Position(row: a, column: b))
        }
    }
}
