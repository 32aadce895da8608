/// Mask evaluation (ISO/IEC 18004 §7.8.3, Table 11): the four penalty rules
/// whose sum is lowest for the mask the encoder chooses.
enum QRPenalty {
    /// N1: a run of five same-coloured modules in a row or column, plus one per extra module.
    static let n1 = 3
    /// N2: each 2×2 block of one colour.
    static let n2 = 3
    /// N3: each 1:1:3:1:1 finder-like pattern with four light modules on one side.
    static let n3 = 40
    /// N4: each 5 % step of the dark proportion away from 50 %.
    static let n4 = 10

    /// The finder-like sequence of rule 3 read left to right:
    /// dark-light-dark-dark-dark-light-dark.
    private static let finderLike: UInt32 = 0b1011101

    /// The four rule scores for a row-major square of modules (1 = dark).
    struct Score: Sendable, Equatable {
        var runs = 0
        var blocks = 0
        var finderPatterns = 0
        var balance = 0
        /// The total penalty.
        var total: Int { runs + blocks + finderPatterns + balance }
    }

    /// Scores `modules`, a `size`×`size` symbol.
    ///
    /// Rule 3 treats the area outside the symbol as light, as the quiet zone
    /// is: a finder-like pattern at an edge counts.
    static func score(_ modules: [UInt8], size: Int) -> Score {
        var score = Score()
        modules.withUnsafeBufferPointer { m in
            var dark = 0
            for row in 0..<size {
                let line = lineScore(count: size) { m[row * size + $0] }
                score.runs += line.runs
                score.finderPatterns += line.finders
                let column = lineScore(count: size) { m[$0 * size + row] }
                score.runs += column.runs
                score.finderPatterns += column.finders
                for column in 0..<size { dark += Int(m[row * size + column]) }
            }
            for row in 0..<(size - 1) {
                let top = row * size, bottom = top + size
                for column in 0..<(size - 1) {
                    let sum = m[top + column] &+ m[top + column + 1] &+ m[bottom + column] &+ m[bottom + column + 1]
                    if sum == 0 || sum == 4 { score.blocks += n2 }
                }
            }
            score.balance = balancePenalty(dark: dark, total: size * size)
        }
        return score
    }

    /// Rule 4: k·N4 where the dark share lies 5k % to 5(k+1) % away from 50 %.
    static func balancePenalty(dark: Int, total: Int) -> Int {
        // |dark/total − 1/2| in whole 5 % steps: |20·dark − 10·total| / total.
        abs(dark * 20 - total * 10) / total * n4
    }

    /// Rules 1 and 3 along one row or column.
    ///
    /// Rule 3 counts each dark-light-dark-dark-dark-light-dark run once when
    /// four light modules precede or follow it; modules beyond the symbol's
    /// edge count as light, as the quiet zone is.
    @inline(__always)
    static func lineScore(count: Int, _ module: (Int) -> UInt8) -> (runs: Int, finders: Int) {
        var runs = 0, finders = 0
        var runColor = module(0), runLength = 0
        // The last 15 modules seen, newest in bit 0, with four light modules
        // before index 0 and after the last index.
        var window: UInt32 = 0
        for index in 0..<(count + 4) {
            let color = index < count ? module(index) : 0
            if index < count {
                if color == runColor {
                    runLength += 1
                } else {
                    if runLength >= 5 { runs += n1 + runLength - 5 }
                    runColor = color
                    runLength = 1
                }
            }
            window = (window << 1 | UInt32(color)) & 0x7FFF
            // Window = 4 before | 7 candidate | 4 after, complete from index 10.
            // Candidates starting at index 0 see the virtual light prefix.
            if index >= 10 && (window >> 4) & 0x7F == finderLike
                && (window >> 11 == 0 || window & 0xF == 0) {
                finders += n3
            }
        }
        if runLength >= 5 { runs += n1 + runLength - 5 }
        return (runs, finders)
    }
}
