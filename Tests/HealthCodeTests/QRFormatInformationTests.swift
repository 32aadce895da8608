import Testing
@testable import HealthCode

/// ISO/IEC 18004 §7.9 (format information, Annex C) and §7.10 (version
/// information, Annex D).
@Suite("QR format and version information (ISO/IEC 18004 §7.9, §7.10)")
struct QRFormatInformationTests {
    @Test("Annex C, Table C.1: masked BCH(15,5) format words",
          arguments: [
              (QRCode.ErrorCorrectionLevel.l, 0, 0b111011111000100 as UInt32),
              (.l, 7, 0b110100101110110),
              (.m, 0, 0b101010000010010),
              (.m, 5, 0b100000011001110),
              (.q, 0, 0b011010101011111),
              (.h, 0, 0b001011010001001),
              (.h, 7, 0b000100000111011),
          ])
    func formatWords(level: QRCode.ErrorCorrectionLevel, mask: Int, expected: UInt32) {
        #expect(QRFormatInformation.formatBits(level: level, mask: mask) == expected)
    }

    @Test("§7.9.1: every format word, unmasked, is a multiple of the generator 0x537")
    func formatIsCodeword() {
        for level in QRCode.ErrorCorrectionLevel.allCases {
            for mask in 0..<8 {
                let word = QRFormatInformation.formatBits(level: level, mask: mask) ^ 0x5412
                #expect(QRFormatInformation.remainder(of: word, generator: 0x537, degree: 10) == 0)
                #expect(word >> 10 == level.formatBits << 3 | UInt32(mask))
            }
        }
    }

    @Test("Annex D, Table D.1: BCH(18,6) version words",
          arguments: [(7, 0x07C94 as UInt32), (8, 0x085BC), (20, 0x149A6), (40, 0x28C69)])
    func versionWords(version: Int, expected: UInt32) {
        #expect(QRFormatInformation.versionBits(version) == expected)
    }

    @Test("§7.10: every version word 7–40 is a multiple of the generator 0x1F25")
    func versionIsCodeword() {
        for version in 7...40 {
            let word = QRFormatInformation.versionBits(version)
            #expect(QRFormatInformation.remainder(of: word, generator: 0x1F25, degree: 12) == 0)
            #expect(word >> 12 == UInt32(version))
        }
    }

    @Test("§7.9.1, §7.10: both copies of format and version information read back from a symbol",
          arguments: [1, 6, 7, 21, 40])
    func readBack(version: Int) throws {
        for level in QRCode.ErrorCorrectionLevel.allCases {
            let code = try QRCode(encoding: "12345", level: level, minimumVersion: version)
            let m = code.matrix
            var first: UInt32 = 0, second: UInt32 = 0
            for (bit, p) in QRFormatInformation.formatPositions(size: m.size).enumerated() {
                if m[p.first.row, p.first.column] { first |= 1 << UInt32(bit) }
                if m[p.second.row, p.second.column] { second |= 1 << UInt32(bit) }
            }
            let expected = QRFormatInformation.formatBits(level: level, mask: code.mask)
            #expect(first == expected && second == expected)
            #expect(m[m.size - 8, 8], "dark module at (4V + 9, 8)")
            guard version >= 7 else { continue }
            var upper: UInt32 = 0, lower: UInt32 = 0
            for (bit, p) in QRFormatInformation.versionPositions(size: m.size).enumerated() {
                if m[p.first.row, p.first.column] { upper |= 1 << UInt32(bit) }
                if m[p.second.row, p.second.column] { lower |= 1 << UInt32(bit) }
            }
            #expect(upper == QRFormatInformation.versionBits(version) && lower == upper)
        }
    }

    @Test("§7.9.1: the two format copies and the version blocks use distinct modules")
    func positionsDistinct() {
        let size = QRVersion.size(7)
        let format = QRFormatInformation.formatPositions(size: size).flatMap { [$0.first, $0.second] }
        let version = QRFormatInformation.versionPositions(size: size).flatMap { [$0.first, $0.second] }
        let all = (format + version).map { $0.row * size + $0.column } + [(size - 8) * size + 8]
        #expect(Set(all).count == 30 + 36 + 1)
    }
}
