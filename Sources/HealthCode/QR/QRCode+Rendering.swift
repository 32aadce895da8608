extension QRCode {
    /// Pixel format of a rendered PNG.
    public enum PNGColorDepth: Sendable, Hashable {
        /// One bit per pixel, greyscale (black = 0, white = 1): smallest file.
        case oneBit
        /// Eight bits per pixel, greyscale (0 or 255).
        case grayscale
    }

    /// Checks rendering parameters, shared by every output format.
    static func validate(moduleSize: Int, quietZone: Int) throws {
        guard moduleSize >= 1 && moduleSize <= 100 else {
            throw QRCodeError(.invalidArgument, "module size \(moduleSize) is outside 1…100")
        }
        guard quietZone >= 0 && quietZone <= 100 else {
            throw QRCodeError(.invalidArgument, "quiet zone \(quietZone) is outside 0…100 modules; ISO/IEC 18004 §6.3.8 asks for at least 4")
        }
    }

    /// Renders the symbol as a PNG image: dark modules black, light modules
    /// and the quiet zone white.
    ///
    /// - Parameters:
    ///   - moduleSize: pixels per module side (1–100).
    ///   - quietZone: light border width in modules; ISO/IEC 18004 §6.3.8
    ///     requires 4 for reliable scanning.
    ///   - colorDepth: 1-bit (default) or 8-bit greyscale.
    /// - Returns: the PNG file's bytes.
    /// - Throws: `.invalidArgument` for out-of-range sizes, `.imageEncoding`
    ///   if compression fails.
    public func png(moduleSize: Int = 4, quietZone: Int = 4, colorDepth: PNGColorDepth = .oneBit) throws -> [UInt8] {
        try Self.validate(moduleSize: moduleSize, quietZone: quietZone)
        let modulesPerSide = size + 2 * quietZone
        let pixels = modulesPerSide * moduleSize
        let rowBytes = colorDepth == .oneBit ? (pixels + 7) / 8 : pixels
        // Each pixel row is a filter-type byte and the packed pixels (PNG
        // §9.2). A row equal to the one above is sent with filter 2 (Up) as
        // zeros, which zlib compresses faster and smaller than the repeat.
        var blank = [UInt8](repeating: 0xFF, count: rowBytes + 1)
        blank[0] = 0
        var repeated = [UInt8](repeating: 0, count: rowBytes + 1)
        repeated[0] = 2
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((rowBytes + 1) * pixels)
        func appendQuietRows() {
            guard quietZone > 0 else { return }
            scanlines += blank
            for _ in 1..<(quietZone * moduleSize) { scanlines += repeated }
        }
        appendQuietRows()
        var line = blank
        for row in 0..<size {
            line.withUnsafeMutableBufferPointer { out in
                for index in 1...rowBytes { out[index] = 0xFF }
                for column in 0..<size where matrix.modules[row * size + column] != 0 {
                    let start = (quietZone + column) * moduleSize
                    for x in start..<(start + moduleSize) {
                        if colorDepth == .oneBit {
                            out[1 + (x >> 3)] &= ~(0x80 >> UInt8(x & 7))
                        } else {
                            out[1 + x] = 0
                        }
                    }
                }
            }
            scanlines += line
            for _ in 1..<moduleSize { scanlines += repeated }
        }
        appendQuietRows()
        return try QRPNGWriter.encode(
            width: pixels, height: pixels, bitDepth: colorDepth == .oneBit ? 1 : 8, scanlines: scanlines)
    }

    /// Renders the symbol as an SVG document: one white background and one
    /// path of horizontal runs of dark modules, in module units scaled by
    /// `moduleSize`.
    ///
    /// - Parameters:
    ///   - moduleSize: user units (pixels) per module side (1–100).
    ///   - quietZone: light border width in modules (4 per §6.3.8).
    /// - Throws: `.invalidArgument` for out-of-range sizes.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) throws -> String {
        try Self.validate(moduleSize: moduleSize, quietZone: quietZone)
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        // Built as bytes: string interpolation per run costs more than the
        // encoding itself.
        var path: [UInt8] = []
        path.reserveCapacity(size * size * 2)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard matrix.modules[row * size + column] != 0 else { column += 1; continue }
                let start = column
                while column < size && matrix.modules[row * size + column] != 0 { column += 1 }
                path.append(UInt8(ascii: "M"))
                Self.appendDecimal(start + quietZone, to: &path)
                path.append(UInt8(ascii: " "))
                Self.appendDecimal(row + quietZone, to: &path)
                path.append(UInt8(ascii: "h"))
                Self.appendDecimal(column - start, to: &path)
                path.append(contentsOf: "v1h-".utf8)
                Self.appendDecimal(column - start, to: &path)
                path.append(UInt8(ascii: "z"))
            }
        }
        let pathText = String(decoding: path, as: UTF8.self)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">
            <rect width="\(side)" height="\(side)" fill="#FFFFFF"/>
            <path d="\(pathText)" fill="#000000"/>
            </svg>

            """
    }

    /// Appends the decimal digits of a non-negative `value`.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
