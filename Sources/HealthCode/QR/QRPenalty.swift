/// Mask evaluation (ISO/IEC 18004 §7.8.3, Table 11): the four penalty rules
/// whose sum is lowest for the mask the encoder chooses.
///
/// Rows and columns are scored as bit sets (`QRLineBits`), so each rule is a
/// handful of word operations per line rather than a branch per module.
enum QRPenalty {
    /// N1: a run of five same-coloured modules in a row or column, plus one per extra module.
    static let n1 = 3
    /// N2: each 2×2 block of one colour.
    static let n2 = 3
    /// N3: each 1:1:3:1:1 finder-like pattern with four light modules on one side.
    static let n3 = 40
    /// N4: each 5 % step of the dark proportion away from 50 %.
    static let n4 = 10

    /// The four rule scores.
    struct Score: Sendable, Equatable {
        var runs = 0
        var blocks = 0
        var finderPatterns = 0
        var balance = 0
        /// The total penalty.
        var total: Int { runs + blocks + finderPatterns + balance }
    }

    /// Bit positions at which a window may start, for a line of `size` modules.
    struct Windows: Sendable {
        /// Five modules j…j+4 inside the line (rule 1).
        let run: QRLineBits
        /// Two modules j, j+1 inside the line (rule 2).
        let pair: QRLineBits
        /// Seven modules j…j+6 inside the line (rule 3).
        let finder: QRLineBits

        init(size: Int) {
            let first = QRLineBits.offset, last = QRLineBits.offset + size - 1
            run = .range(first, last - 4)
            pair = .range(first, last - 1)
            finder = .range(first, last - 6)
        }
    }

    /// Scores a row-major `size`×`size` matrix of modules (1 = dark).
    static func score(_ modules: [UInt8], size: Int) -> Score {
        let rows = (0..<size).map { row in QRLineBits(count: size) { modules[row * size + $0] != 0 } }
        let columns = (0..<size).map { column in QRLineBits(count: size) { modules[$0 * size + column] != 0 } }
        return score(rows: rows, columns: columns, size: size)
    }

    /// Scores a symbol given as its rows and its columns.
    ///
    /// Rule 3 treats the area outside the symbol as light, as the quiet zone is.
    static func score(rows: [QRLineBits], columns: [QRLineBits], size: Int) -> Score {
        precondition(rows.count == size && columns.count == size)
        let windows = Windows(size: size)
        var runs = 0, finders = 0, blocks = 0, dark = 0
        rows.withUnsafeBufferPointer { rows in
            columns.withUnsafeBufferPointer { columns in
                for index in 0..<size {
                    let row = rows[index]
                    dark += row.nonzeroBitCount
                    let (rowRuns, rowFinders) = lineScore(row, windows)
                    let (columnRuns, columnFinders) = lineScore(columns[index], windows)
                    runs += rowRuns + columnRuns
                    finders += rowFinders + columnFinders
                    if index + 1 < size { blocks += blockScore(row, rows[index + 1], windows) }
                }
            }
        }
        return Score(
            runs: runs, blocks: blocks, finderPatterns: finders,
            balance: balancePenalty(dark: dark, total: size * size))
    }

    /// Rules 1 and 3 along one line.
    ///
    /// Rule 1: a run of L ≥ 5 holds L − 4 windows of five equal modules and
    /// scores (L − 4) + 2, so the sum is the window count plus two per run.
    /// Rule 3 counts each dark-light-dark-dark-dark-light-dark sequence once
    /// when four light modules precede or follow it.
    @inline(__always)
    static func lineScore(_ line: QRLineBits, _ windows: Windows) -> (runs: Int, finders: Int) {
        let same = ~(line ^ (line >> 1))
        let five = same & (same >> 1) & (same >> 2) & (same >> 3) & windows.run
        let runStarts = five & ~(five << 1)
        let runs = five.nonzeroBitCount + (n1 - 1) * runStarts.nonzeroBitCount

        let light = ~line
        let pattern = line & (light >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & (light >> 5) & (line >> 6)
        let lightBefore = (light << 1) & (light << 2) & (light << 3) & (light << 4)
        let lightAfter = (light >> 7) & (light >> 8) & (light >> 9) & (light >> 10)
        let finders = (pattern & windows.finder & (lightBefore | lightAfter)).nonzeroBitCount * n3
        return (runs, finders)
    }

    /// Rule 2 between two adjacent rows: 2×2 blocks of one colour.
    @inline(__always)
    static func blockScore(_ upper: QRLineBits, _ lower: QRLineBits, _ windows: Windows) -> Int {
        let vertical = ~(upper ^ lower)
        let horizontal = ~(upper ^ (upper >> 1))
        return (vertical & (vertical >> 1) & horizontal & windows.pair).nonzeroBitCount * n2
    }

    /// Rule 4: k·N4 where the dark share lies 5k % to 5(k+1) % away from 50 %.
    static func balancePenalty(dark: Int, total: Int) -> Int {
        // |dark/total − 1/2| in whole 5 % steps: |20·dark − 10·total| / total.
        abs(dark * 20 - total * 10) / total * n4
    }
}
