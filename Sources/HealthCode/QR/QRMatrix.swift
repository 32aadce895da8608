/// The finished module grid of a QR Code symbol, without quiet zone.
///
/// Rows and columns count from the upper-left corner (ISO/IEC 18004 §6.3.1);
/// `true` is a dark module.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side: 17 + 4 × version.
    public let size: Int
    /// Row-major module values, 1 for dark and 0 for light.
    let modules: [UInt8]

    init(size: Int, modules: [UInt8]) {
        precondition(modules.count == size * size)
        self.size = size
        self.modules = modules
    }

    /// Whether the module at `row`, `column` is dark.
    ///
    /// - Precondition: both are in `0..<size`.
    public subscript(row: Int, column: Int) -> Bool {
        precondition(row >= 0 && row < size && column >= 0 && column < size, "module outside the symbol")
        return modules[row * size + column] != 0
    }

    /// The rows as arrays of booleans (`true` = dark), top to bottom.
    public var rows: [[Bool]] {
        (0..<size).map { row in modules[(row * size)..<((row + 1) * size)].map { $0 != 0 } }
    }

    /// Number of dark modules.
    public var darkModuleCount: Int { modules.reduce(0) { $0 + Int($1) } }
}
