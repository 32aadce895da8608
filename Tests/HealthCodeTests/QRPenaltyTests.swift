import Testing
@testable import HealthCode

/// ISO/IEC 18004 §7.8.3, Table 11: mask penalty rules N1–N4 and mask choice.
@Suite("QR mask evaluation (ISO/IEC 18004 §7.8)")
struct QRPenaltyTests {
    private func line(_ text: String) -> (runs: Int, finders: Int) {
        let bits = text.map { $0 == "1" }
        return QRPenalty.lineScore(QRLineBits(count: bits.count) { bits[$0] }, .init(size: bits.count))
    }

    @Test("N1: a run of 5 scores 3, each extra module 1 more")
    func runs() {
        #expect(line("1111001010").runs == 0)
        #expect(line("1111101010").runs == 3)
        #expect(line("0000000101").runs == 5)
        #expect(line("11111000001").runs == 6)
    }

    @Test("N3: 1:1:3:1:1 with four light modules on either side scores 40 once")
    func finderLike() {
        #expect(line("10111010000").finders == 40)
        #expect(line("00001011101").finders == 40)
        #expect(line("000010111010000").finders == 40)
        // Beyond the symbol's edge counts as light (quiet zone).
        #expect(line("1011101").finders == 40)
        #expect(line("1111101110111111").finders == 0)
        #expect(line("11110101110100011").finders == 0)
    }

    @Test("N4: 10 points per whole 5 % step away from 50 % dark")
    func balance() {
        #expect(QRPenalty.balancePenalty(dark: 50, total: 100) == 0)
        #expect(QRPenalty.balancePenalty(dark: 46, total: 100) == 0)
        #expect(QRPenalty.balancePenalty(dark: 45, total: 100) == 10)
        #expect(QRPenalty.balancePenalty(dark: 61, total: 100) == 20)
        #expect(QRPenalty.balancePenalty(dark: 0, total: 100) == 100)
    }

    @Test("N1–N4 on an all-light 21×21 square")
    func allLight() {
        let score = QRPenalty.score([UInt8](repeating: 0, count: 441), size: 21)
        #expect(score.runs == 2 * 21 * (3 + 16))
        #expect(score.blocks == 20 * 20 * 3)
        #expect(score.finderPatterns == 0)
        #expect(score.balance == 100)
        #expect(score.total == 798 + 1200 + 100)
    }

    @Test("N2: a checkerboard has no 2×2 block and no run")
    func checkerboard() {
        let size = 21
        let modules = (0..<(size * size)).map { UInt8(($0 / size + $0 % size) % 2) }
        let score = QRPenalty.score(modules, size: size)
        #expect(score.runs == 0 && score.blocks == 0 && score.finderPatterns == 0 && score.balance == 0)
    }

    @Test("Table 11: word-wide scoring equals a module-by-module count on random symbols")
    func matchesPlainCount() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for size in [21, 25, 45, 101, 177] {
            for _ in 0..<4 {
                let modules = (0..<(size * size)).map { _ -> UInt8 in
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    return UInt8(state >> 63)
                }
                #expect(QRPenalty.score(modules, size: size) == QRPlainPenalty.score(modules, size: size), "size \(size)")
            }
        }
    }

    @Test("§7.8.3: the chosen mask has the lowest penalty of all eight", arguments: [1, 2, 7, 15])
    func choosesLowest(version: Int) throws {
        let text = "HC1:NCFOXN%TS3DH0YOJ58S S-W5HDC"
        let chosen = try QRCode(encoding: text, level: .q, minimumVersion: version)
        let segment = try QRSegment.make(utf8: Array(text.utf8), mode: .automatic)
        let template = QRTemplate.cached(chosen.version)
        let data = QRCodewords.data(for: segment, version: chosen.version, level: .q)
        let unmasked = QRCode.place(QRCodewords.interleaved(data: data, version: chosen.version, level: .q), in: template)
        let penalties = (0..<8).map { mask -> Int in
            var modules = unmasked
            QRPlainMask.apply(mask, to: &modules, template: template)
            return QRPenalty.score(modules, size: template.size).total
        }
        #expect(penalties[chosen.mask] == penalties.min())
        #expect(penalties.firstIndex(of: penalties.min()!) == chosen.mask)
    }

    @Test("§7.8.2, Table 10: mask conditions at sample modules")
    func maskConditions() {
        #expect(QRMask.inverts(0, row: 0, column: 0) && !QRMask.inverts(0, row: 0, column: 1))
        #expect(QRMask.inverts(1, row: 2, column: 5) && !QRMask.inverts(1, row: 3, column: 5))
        #expect(QRMask.inverts(2, row: 1, column: 3) && !QRMask.inverts(2, row: 1, column: 4))
        #expect(QRMask.inverts(3, row: 1, column: 2) && !QRMask.inverts(3, row: 1, column: 1))
        #expect(QRMask.inverts(4, row: 1, column: 2) && !QRMask.inverts(4, row: 2, column: 0))
        #expect(QRMask.inverts(5, row: 0, column: 7) && !QRMask.inverts(5, row: 1, column: 1))
        #expect(QRMask.inverts(6, row: 1, column: 1) && !QRMask.inverts(6, row: 1, column: 4))
        #expect(QRMask.inverts(7, row: 0, column: 0) && !QRMask.inverts(7, row: 1, column: 1))
    }

    @Test("§7.8.2: each fixed mask equals the Table 10 condition applied module by module", arguments: [1, 7, 32])
    func fixedMaskMatchesConditions(version: Int) throws {
        let text = "PIVAULT 0123456789"
        let segment = try QRSegment.make(utf8: Array(text.utf8), mode: .automatic)
        let template = QRTemplate.cached(version)
        let data = QRCodewords.data(for: segment, version: version, level: .m)
        let unmasked = QRCode.place(QRCodewords.interleaved(data: data, version: version, level: .m), in: template)
        for mask in 0..<8 {
            var expected = unmasked
            QRPlainMask.apply(mask, to: &expected, template: template)
            QRMask.drawFormatAndVersion(level: .m, mask: mask, version: version, into: &expected, size: template.size)
            let code = try QRCode(encoding: text, level: .m, minimumVersion: version, mask: mask)
            #expect(code.matrix.modules == expected, "mask \(mask)")
        }
    }

    @Test("§7.8.2: masks never touch function patterns")
    func functionModulesUnmasked() throws {
        let base = try QRCode(encoding: "12345", minimumVersion: 7, mask: 0).matrix
        let template = QRTemplate.cached(7)
        for mask in 1..<8 {
            let other = try QRCode(encoding: "12345", minimumVersion: 7, mask: mask).matrix
            for index in 0..<(base.size * base.size) where template.isFunction[index] {
                let formatArea = QRFormatInformation.formatPositions(size: base.size)
                    .contains { [$0.first, $0.second].contains { $0.row * base.size + $0.column == index } }
                if !formatArea { #expect(base.modules[index] == other.modules[index]) }
            }
        }
    }
}
