import Testing
@testable import HealthCode

/// PNG (W3C PNG specification §5, §11.2.2) and SVG output of QR symbols, with
/// the quiet zone of ISO/IEC 18004 §6.3.8.
@Suite("QR rendering: PNG and SVG")
struct QRRenderingTests {
    @Test("PNG §5.5: CRC-32 check value and the fixed IEND CRC")
    func crc() {
        #expect(QRCRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(QRCRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(QRCRC32.checksum([]) == 0)
        let split = QRCRC32.update(QRCRC32.checksum(Array("1234".utf8)), Array("56789".utf8))
        #expect(split == 0xCBF4_3926)
    }

    @Test("PNG §5, §11.2.2: signature, IHDR, IDAT, IEND with valid CRCs", arguments: [
        (QRCode.PNGColorDepth.oneBit, 3, 4), (.grayscale, 3, 4), (.oneBit, 1, 0), (.grayscale, 2, 1),
    ])
    func pngStructure(depth: QRCode.PNGColorDepth, moduleSize: Int, quietZone: Int) throws {
        let code = try QRCode(encoding: "HELLO WORLD", level: .q)
        let png = try code.png(moduleSize: moduleSize, quietZone: quietZone, colorDepth: depth)
        let file = try #require(QRPNGChunks(png))
        #expect(file.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        for chunk in file.chunks {
            #expect(QRCRC32.checksum(Array(chunk.type.utf8) + chunk.data) == chunk.crc, "\(chunk.type) CRC")
        }
        let ihdr = file.chunks[0].data
        let side = UInt8((21 + 2 * quietZone) * moduleSize)
        #expect(ihdr == [0, 0, 0, side, 0, 0, 0, side, depth == .oneBit ? 1 : 8, 0, 0, 0, 0])
        let idat = file.chunks[1].data
        // RFC 1950 header: deflate, and the check bits make CMF·256+FLG a multiple of 31.
        #expect(idat[0] & 0x0F == 8 && (UInt16(idat[0]) << 8 | UInt16(idat[1])) % 31 == 0)
    }

    @Test("rendering refuses out-of-range module size and quiet zone")
    func invalidSizes() throws {
        let code = try QRCode(encoding: "1")
        #expect((#expect(throws: QRCodeError.self) { try code.png(moduleSize: 0) })?.code == .invalidArgument)
        #expect((#expect(throws: QRCodeError.self) { try code.png(quietZone: -1) })?.code == .invalidArgument)
        #expect((#expect(throws: QRCodeError.self) { try code.svg(moduleSize: 101) })?.code == .invalidArgument)
    }

    @Test("SVG: size, viewBox with quiet zone, and path runs that rebuild the matrix exactly",
          arguments: [(1, 0), (4, 4), (10, 2)])
    func svg(moduleSize: Int, quietZone: Int) throws {
        let code = try QRCode(encoding: "HC1:NCFOXN%TS3DH0YOJ58S S-W5HDC", level: .q)
        let svg = try code.svg(moduleSize: moduleSize, quietZone: quietZone)
        let side = code.size + 2 * quietZone
        #expect(svg.contains("width=\"\(side * moduleSize)\" height=\"\(side * moduleSize)\""))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var rebuilt = [[Bool]](repeating: [Bool](repeating: false, count: code.size), count: code.size)
        for run in path.split(separator: "M") {
            // "x yhNv1h-Nz"
            let parts = run.split(whereSeparator: { " hvz".contains($0) })
            let x = try #require(Int(parts[0])) - quietZone, y = try #require(Int(parts[1])) - quietZone
            let length = try #require(Int(parts[2]))
            for column in x..<(x + length) { rebuilt[y][column] = true }
        }
        #expect(rebuilt == code.matrix.rows)
    }
}
