/// Per-version constants of ISO/IEC 18004: symbol size, alignment pattern
/// centres (Annex E, Table E.1) and the error-correction block structure
/// (§7.5.1, Table 9).
///
/// Table 9 is stored as its two independent columns per level — error
/// correction codewords per block and number of blocks; the split into
/// groups of shorter and longer blocks follows from the codeword total
/// (§7.5.2: when blocks differ in length, the longer ones come last and are
/// one data codeword longer).
enum QRVersion {
    /// The smallest and largest version numbers.
    static let range = 1...40

    /// Modules per side: 21 for version 1, plus 4 per version (§6.3.1).
    static func size(_ version: Int) -> Int { 17 + 4 * version }

    /// Error-correction codewords per block, indexed [level][version - 1].
    static let ecCodewordsPerBlock: [[Int]] = [
        // L
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        // M
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        // Q
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        // H
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error-correction blocks, indexed [level][version - 1].
    static let blockCounts: [[Int]] = [
        // L
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        // M
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        // Q
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        // H
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Row/column coordinates of alignment pattern centres (Annex E, Table E.1).
    static let alignmentCenters: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
        [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62],
        [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82],
        [6, 30, 58, 86], [6, 34, 62, 90],
        [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
    ]

    /// Total codewords per version: the modules left for data and error
    /// correction once function patterns and format/version areas are
    /// reserved, in whole codewords (Table 1, column "data modules").
    static let totalCodewords: [Int] = range.map { QRTemplate.cached($0).dataModuleCount / 8 }

    /// Remainder bits after the last codeword (§7.7.3, Table 1).
    static func remainderBits(_ version: Int) -> Int {
        QRTemplate.cached(version).dataModuleCount % 8
    }

    /// The block layout of one version and level.
    struct Blocks: Sendable, Equatable {
        /// Error-correction codewords in every block.
        let ecCodewords: Int
        /// Number of blocks in the first (shorter) group.
        let shortBlocks: Int
        /// Data codewords in each block of the first group.
        let shortDataCodewords: Int
        /// Number of blocks in the second group (one more data codeword each).
        let longBlocks: Int

        /// Total data codewords of the symbol.
        var dataCodewords: Int { shortBlocks * shortDataCodewords + longBlocks * (shortDataCodewords + 1) }
        /// Total number of blocks.
        var count: Int { shortBlocks + longBlocks }
    }

    /// The block layout for `version` at `level` (Table 9).
    static func blocks(_ version: Int, _ level: QRCode.ErrorCorrectionLevel) -> Blocks {
        let ec = ecCodewordsPerBlock[level.rawValue][version - 1]
        let count = blockCounts[level.rawValue][version - 1]
        let total = totalCodewords[version - 1]
        let longBlocks = total % count
        return Blocks(
            ecCodewords: ec, shortBlocks: count - longBlocks,
            shortDataCodewords: total / count - ec, longBlocks: longBlocks)
    }

    /// Data codewords available for `version` at `level`.
    static func dataCodewords(_ version: Int, _ level: QRCode.ErrorCorrectionLevel) -> Int {
        dataCodewordTable[level.rawValue][version - 1]
    }

    private static let dataCodewordTable: [[Int]] = QRCode.ErrorCorrectionLevel.allCases.map { level in
        range.map { blocks($0, level).dataCodewords }
    }
}
