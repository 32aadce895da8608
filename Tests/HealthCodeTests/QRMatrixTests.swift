import Testing
@testable import HealthCode

/// ISO/IEC 18004 §6.3 (function patterns), §7.7 (codeword placement), and
/// whole symbols compared module by module with an independent encoder.
@Suite("QR symbol structure (ISO/IEC 18004 §6.3, §7.7)")
struct QRMatrixTests {
    /// "01234567" at 1-M, automatic mask (pattern 3), as produced by the
    /// independent Python encoder segno 1.6.6.
    static let reference1M: [String] = [
        "#######.##.##.#######", "#.....#.#.#...#.....#", "#.###.#..##.#.#.###.#", "#.###.#.##....#.###.#",
        "#.###.#..##...#.###.#", "#.....#..##...#.....#", "#######.#.#.#.#######", "........##...........",
        "#.##.###..#...#..#.##", "...#.#.##.#.#..#.##..", "#..#.####...#####..#.", "##.#...#..#.##...#.#.",
        "...######..#.#..#....", "........###..#.#....#", "#######.#....##.#.##.", "#.....#.#.#####...#.#",
        "#.###.#..#.#..#.....#", "#.###.#.#.#..#..#.##.", "#.###.#.#.##.#..#.#..", "#.....#..#.##.#.##.##",
        "#######.#..##..#...#.",
    ]

    /// "HC1:NCFOXN%TS3DH" forced to version 7-Q, automatic mask (pattern 0),
    /// from the same independent encoder: covers alignment patterns and both
    /// version information blocks.
    static let reference7Q: [String] = [
        "#######.#####.#######...#.###..#....#.#######", "#.....#.#..#..##.###....#..#..##...#..#.....#",
        "#.###.#.##.#.#..#######..#..##..#..#..#.###.#", "#.###.#.#.###...######.#.##.###.##.##.#.###.#",
        "#.###.#.##.###.####.######...#....###.#.###.#", "#.....#......#..#####...##..##..#.....#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######", "........#....#..#..##...#.#...#...##.........",
        ".##.#.##..#######.#.#####...#...#...#.#.#####", "#.#......##..#..#.#.##..#.#...#...#.##..#.#..",
        ".#..#.##.##..##...###.##..#.#.#.#.#...#.#...#", "###.......#.#..###......##...#.#.#..#.##..#..",
        "#.#.######....###...#..####.####.##.#..#..#.#", "...##...#.#.#....#...#.#.#...#.###..#.####...",
        ".#....##.###.##.###..#.#.##.####.##...##.##.#", "..#.#......##.#....#.##...##..#...#.#.#..#...",
        "##.#####..####...##.#.......#...#####...###.#", "#.#......##...##.##.##..#.##..#...#.#.#...#.#",
        ".#...##...#..#....###.##..#.#.#.#..##.#.#...#", "###.#....#..#..#.#..#...##...#...#...#.#..##.",
        "###.#####.#..###....#######.###.###.#####.#..", "#..##...##..##..##..#...##...#...#.##...##...",
        "#...#.#.#.##.#.####.#.#.###.###.#####.#.#.#.#", ".##.#...##.###.##..##...##.#..#.##..#...###..",
        "#..######..#.#...###########.######.#######.#", ".####....##..###.##.###....###...#..#...#.##.",
        ".##..###.#..##....#...#.#..#.....###..#....#.", "##.###..###....#.###..#.#....#....##....#.###",
        "####.#####..####.###...##...###.#....#.##.##.", "#..#....#.##.#..#..#######...#....##.###..#..",
        "#...#######.##.####....#.#..###.#.#.##.##...#", ".#.##..##.####.##.###.##.#.#.#.#.#.###.#..#..",
        "#....###.###.#.#.#.#####...#.###.####.###.#.#", ".##.#...#..####.###..#.#...###.###..#..#.#.#.",
        "....#.#.##..##...#.#########.###.###..######.", ".####..#.##.....##..###.##.#..#...##...#.#.##",
        "#..##.#..#..#..#.########.##....#...########.", "........#.#...#.#...#...#####.#...#.#...#.##.",
        "#######.###..#####..#.#.#.##..#.#.#.#.#.#..#.", "#.....#...######....#...##.#.#.#...##...#.###",
        "#.###.#.####.####.#.#####...####..#.#####.##.", "#.###.#....#####.......##....#.##.#.....##.#.",
        "#.###.#.###.#..###.#..######.###.##.###..##.#", "#.....#.#.#..##.##.##.##.#.#..##..#...##.#.##",
        "#######.....#######.......##...#....###.###.#",
    ]

    private func picture(_ matrix: QRMatrix) -> [String] {
        matrix.rows.map { String($0.map { $0 ? "#" : "." }) }
    }

    @Test("whole symbol 1-M \"01234567\" equals an independent encoder's, module for module")
    func reference1MSymbol() throws {
        let code = try QRCode(encoding: "01234567", level: .m)
        #expect(code.version == 1 && code.mode == .numeric && code.mask == 3)
        #expect(picture(code.matrix) == Self.reference1M)
    }

    @Test("whole symbol 7-Q alphanumeric equals an independent encoder's, module for module")
    func reference7QSymbol() throws {
        let code = try QRCode(encoding: "HC1:NCFOXN%TS3DH", level: .q, minimumVersion: 7)
        #expect(code.version == 7 && code.mode == .alphanumeric && code.mask == 0)
        #expect(picture(code.matrix) == Self.reference7Q)
    }

    @Test("§6.3.3–§6.3.5: finders, separators and timing patterns", arguments: [1, 2, 7, 14, 40])
    func finderAndTiming(version: Int) throws {
        let m = try QRCode(encoding: "1", minimumVersion: version).matrix
        #expect(m.size == 17 + 4 * version)
        let finder = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"]
        for (top, left) in [(0, 0), (0, m.size - 7), (m.size - 7, 0)] {
            for r in 0..<7 {
                let row = String((0..<7).map { m[top + r, left + $0] ? "#" : "." })
                #expect(row == finder[r], "finder at (\(top), \(left)) row \(r)")
            }
        }
        for i in 0..<8 {
            #expect(!m[7, i] && !m[i, 7] && !m[7, m.size - 1 - i] && !m[m.size - 1 - i, 7], "separators")
        }
        for i in 8..<(m.size - 8) {
            #expect(m[6, i] == (i % 2 == 0) && m[i, 6] == (i % 2 == 0), "timing at \(i)")
        }
    }

    @Test("§6.3.6, Annex E: alignment patterns at every listed centre except the finder corners")
    func alignmentPatterns() throws {
        for version in 2...40 {
            let m = try QRCode(encoding: "1", minimumVersion: version).matrix
            let centers = QRVersion.alignmentCenters[version - 1]
            #expect(centers.last == m.size - 7)
            for r in centers {
                for c in centers where !((r == 6 && c == 6) || (r == 6 && c == m.size - 7) || (r == m.size - 7 && c == 6)) {
                    #expect(m[r, c] && !m[r - 1, c] && !m[r + 1, c + 1] && m[r - 2, c - 2] && m[r + 2, c])
                }
            }
            let expectedCount = centers.count * centers.count - 3
            let template = QRTemplate.cached(version)
            #expect(template.dataModuleCount == QRVersion.totalCodewords[version - 1] * 8 + QRVersion.remainderBits(version))
            #expect(expectedCount > 0)
        }
    }

    @Test("§7.7.3: placement visits every data module exactly once")
    func placementCoversDataModules() {
        for version in [1, 7, 21, 40] {
            let template = QRTemplate.cached(version)
            let order = template.placementOrder.map(Int.init)
            #expect(Set(order).count == order.count)
            let dataModules = template.isFunction.enumerated().filter { !$0.element }.map(\.offset)
            #expect(Set(order) == Set(dataModules))
            // The first codeword starts at the lower-right corner and goes up.
            #expect(order[0] == template.size * template.size - 1)
            #expect(order[2] == template.size * (template.size - 1) - 1)
        }
    }

    @Test("matrix accessors agree")
    func accessors() throws {
        let code = try QRCode(encoding: "HELLO", level: .l)
        #expect(code.matrix.rows.count == code.size)
        #expect(code.matrix.rows.flatMap { $0 }.filter { $0 }.count == code.matrix.darkModuleCount)
        #expect(code.matrix[0, 0] && !code.matrix[7, 7])
    }
}
