import Testing
@testable import HealthCode

/// ISO/IEC 18004 §7.4 (data encoding), §7.5.2 and Annex A (Reed–Solomon).
@Suite("QR codewords and Reed–Solomon (ISO/IEC 18004 §7.4, §7.5)")
struct QRReedSolomonTests {
    @Test("Annex I: \"01234567\" at 1-M gives the standard's data and EC codewords")
    func annexIExample() throws {
        let segment = try QRSegment.make(utf8: Array("01234567".utf8), mode: .automatic)
        #expect(segment.mode == .numeric)
        let data = QRCodewords.data(for: segment, version: 1, level: .m)
        #expect(data == [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        let ec = QRReedSolomon.errorCorrection(for: data[...], count: 10)
        #expect(ec == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        // A single block: interleaving leaves data then EC in order (§7.6).
        #expect(QRCodewords.interleaved(data: data, version: 1, level: .m) == data + ec)
    }

    @Test("§7.4.4: alphanumeric \"HELLO WORLD\" at 1-M, data and EC codewords")
    func alphanumericExample() throws {
        let segment = try QRSegment.make(utf8: Array("HELLO WORLD".utf8), mode: .automatic)
        #expect(segment.mode == .alphanumeric)
        let data = QRCodewords.data(for: segment, version: 1, level: .m)
        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
        let ec = QRReedSolomon.errorCorrection(for: data[...], count: 10)
        #expect(ec == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("Annex A: GF(256) uses x^8+x^4+x^3+x^2+1, so α^8 = 0x1D and α^255 = 1")
    func fieldArithmetic() {
        #expect(QRReedSolomon.exponents[8] == 0x1D)
        #expect(QRReedSolomon.exponents[255] == 1)
        for value in 1...255 {
            let byte = UInt8(value)
            let inverse = QRReedSolomon.exponents[255 - QRReedSolomon.logarithms[value]]
            #expect(QRReedSolomon.multiply(byte, inverse) == 1)
        }
        #expect(QRReedSolomon.multiply(0, 0x53) == 0)
    }

    @Test("Annex A: generator polynomial for 7 EC codewords, as exponents of α")
    func generatorSeven() {
        let logs = QRReedSolomon.generator(degree: 7).map { QRReedSolomon.logarithms[Int($0)] }
        #expect(logs == [0, 87, 229, 146, 149, 238, 102, 21])
    }

    @Test("§7.5.2: codeword + EC is a multiple of the generator (every root α^i is a zero)")
    func roots() {
        let data: [UInt8] = (0..<40).map { UInt8(($0 * 37 + 11) & 0xFF) }
        for count in [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30] {
            let codeword = data + QRReedSolomon.errorCorrection(for: data[...], count: count)
            for i in 0..<count {
                // Horner evaluation at α^i.
                var value: UInt8 = 0
                for c in codeword { value = QRReedSolomon.multiply(value, QRReedSolomon.exponents[i]) ^ c }
                #expect(value == 0, "degree \(count), root α^\(i)")
            }
        }
    }

    @Test("§7.4.9–§7.4.10: terminator shortened at capacity, then 0xEC/0x11 pad codewords")
    func terminatorAndPadding() throws {
        // 17 bytes fill 1-L exactly: no terminator, no pad codewords.
        let full = QRSegment.bytes(Array(repeating: 0x41, count: 17))
        let data = QRCodewords.data(for: full, version: 1, level: .l)
        #expect(data.count == 19)
        #expect(data[0] == 0x40 | 0x01)  // mode 0100, count 00010001 starts
        #expect(data.last == 0x10)  // last data byte's low nibble then 0000 terminator
        // Empty numeric: 0001 + 0000000000 + 0000 terminator is 18 bits,
        // zero-filled to three bytes, then pads alternate from 0xEC.
        let empty = try QRSegment.numeric([])
        let padded = QRCodewords.data(for: empty, version: 1, level: .h)
        #expect(padded == [0x10, 0x00, 0x00, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        // 4 + 8 + 8·n bits plus the terminator end on a byte boundary: no extra zero byte.
        let aligned = QRCodewords.data(for: QRSegment.bytes([0x61]), version: 1, level: .h)
        #expect(aligned == [0x40, 0x16, 0x10, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test("§7.6: blocks of unequal length interleave shorter blocks first (5-Q: 2×15 + 2×16)")
    func interleaving() {
        let layout = QRVersion.blocks(5, .q)
        #expect(layout == QRVersion.Blocks(ecCodewords: 18, shortBlocks: 2, shortDataCodewords: 15, longBlocks: 2))
        let data = (0..<62).map { UInt8($0) }
        let out = QRCodewords.interleaved(data: data, version: 5, level: .q)
        #expect(out.count == 134)
        #expect(Array(out.prefix(8)) == [0, 15, 30, 46, 1, 16, 31, 47])
        // After 15 columns of four, only the two long blocks have a 16th codeword.
        #expect(out[60] == 45 && out[61] == 61)
    }
}
