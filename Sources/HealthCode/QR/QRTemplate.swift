/// The mask-independent skeleton of a symbol of one version: every function
/// pattern drawn (ISO/IEC 18004 §6.3), the format and version information
/// areas reserved but left light — §7.1 adds them after mask selection, step
/// 7 — and the order in which data bits fill the remaining modules (§7.7.3).
///
/// Templates depend only on the version, so each is built once and shared.
struct QRTemplate: Sendable {
    /// Version number, 1–40.
    let version: Int
    /// Modules per side.
    let size: Int
    /// Row-major module colours (1 = dark); data, format and version modules are 0 here.
    let modules: [UInt8]
    /// Row-major flags: true for function-pattern, format and version modules.
    let isFunction: [Bool]
    /// Row-major indices of the data modules in placement order (§7.7.3).
    let placementOrder: [Int32]
    /// Per row, the data modules (the ones a mask may invert).
    let dataRows: [QRLineBits]
    /// Per column, the data modules.
    let dataColumns: [QRLineBits]

    /// Number of modules available for data and error-correction codewords.
    var dataModuleCount: Int { placementOrder.count }

    private static let cache: [QRTemplate] = QRVersion.range.map { make(version: $0) }

    /// The shared template for `version`.
    static func cached(_ version: Int) -> QRTemplate { cache[version - 1] }

    /// Builds the template for `version`.
    static func make(version: Int) -> QRTemplate {
        var builder = Builder(size: QRVersion.size(version))
        builder.drawTimingPatterns()
        let last = builder.size - 7
        builder.drawFinder(row: 3, column: 3)
        builder.drawFinder(row: 3, column: last + 3)
        builder.drawFinder(row: last + 3, column: 3)
        builder.drawAlignmentPatterns(centers: QRVersion.alignmentCenters[version - 1])
        builder.reserveFormatArea()
        if version >= 7 { builder.reserveVersionArea() }
        let size = builder.size, isFunction = builder.isFunction
        return QRTemplate(
            version: version, size: size, modules: builder.modules,
            isFunction: isFunction, placementOrder: builder.placementOrder(),
            dataRows: (0..<size).map { row in QRLineBits(count: size) { !isFunction[row * size + $0] } },
            dataColumns: (0..<size).map { column in QRLineBits(count: size) { !isFunction[$0 * size + column] } })
    }

    /// Mutable drawing surface used while building a template.
    private struct Builder {
        let size: Int
        var modules: [UInt8]
        var isFunction: [Bool]

        init(size: Int) {
            self.size = size
            modules = [UInt8](repeating: 0, count: size * size)
            isFunction = [Bool](repeating: false, count: size * size)
        }

        mutating func set(_ row: Int, _ column: Int, dark: Bool) {
            modules[row * size + column] = dark ? 1 : 0
            isFunction[row * size + column] = true
        }

        /// Row 6 and column 6 alternate dark/light, dark on even indices
        /// (§6.3.5); the finders drawn afterwards cover both ends.
        mutating func drawTimingPatterns() {
            for index in 0..<size {
                set(6, index, dark: index % 2 == 0)
                set(index, 6, dark: index % 2 == 0)
            }
        }

        /// A 7×7 finder (§6.3.3) with its one-module light separator (§6.3.4),
        /// clipped to the symbol.
        mutating func drawFinder(row centerRow: Int, column centerColumn: Int) {
            for dr in -4...4 {
                for dc in -4...4 {
                    let row = centerRow + dr, column = centerColumn + dc
                    guard row >= 0, row < size, column >= 0, column < size else { continue }
                    let ring = max(abs(dr), abs(dc))
                    set(row, column, dark: ring != 2 && ring != 4)
                }
            }
        }

        /// 5×5 alignment patterns at every pair of listed centres, except the
        /// three that would overlap a finder (§6.3.6).
        mutating func drawAlignmentPatterns(centers: [Int]) {
            guard let first = centers.first, let last = centers.last else { return }
            for row in centers {
                for column in centers {
                    if (row == first && column == first) || (row == first && column == last)
                        || (row == last && column == first) { continue }
                    for dr in -2...2 {
                        for dc in -2...2 {
                            set(row + dr, column + dc, dark: max(abs(dr), abs(dc)) != 1)
                        }
                    }
                }
            }
        }

        /// Marks both copies of the format information, and the dark module
        /// at (4V + 9, 8) that §7.9.1 places with them, as function modules.
        mutating func reserveFormatArea() {
            for position in QRFormatInformation.formatPositions(size: size) {
                set(position.first.row, position.first.column, dark: false)
                set(position.second.row, position.second.column, dark: false)
            }
            set(size - 8, 8, dark: false)
        }

        /// Marks both 6×3 version information blocks (§7.10) as function modules.
        mutating func reserveVersionArea() {
            for position in QRFormatInformation.versionPositions(size: size) {
                set(position.first.row, position.first.column, dark: false)
                set(position.second.row, position.second.column, dark: false)
            }
        }

        /// The zigzag: two-module-wide columns from the right edge, moving up
        /// then down alternately, skipping the vertical timing column and every
        /// function module (§7.7.3, Figure 19).
        func placementOrder() -> [Int32] {
            var order: [Int32] = []
            order.reserveCapacity(size * size)
            var right = size - 1
            var upward = true
            while right >= 1 {
                if right == 6 { right = 5 }
                for step in 0..<size {
                    let row = upward ? size - 1 - step : step
                    for column in [right, right - 1] where !isFunction[row * size + column] {
                        order.append(Int32(row * size + column))
                    }
                }
                upward.toggle()
                right -= 2
            }
            return order
        }
    }
}
