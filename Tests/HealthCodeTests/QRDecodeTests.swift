import Testing
@testable import HealthCode

/// ISO/IEC 18004 as a whole: symbols this encoder writes, rendered as PNG,
/// are read back by an independent decoder (zbarimg, Debian zbar-tools) to
/// the same text.
@Suite(
    "QR decode round trip with zbarimg (ISO/IEC 18004)",
    .enabled(if: QRZbar.isAvailable, "zbarimg not found: install Debian's zbar-tools (apt-get install -y zbar-tools)"))
struct QRDecodeTests {
    @Test("Table 9 and Annex E: every version 1–40 at this level decodes",
          arguments: QRCode.ErrorCorrectionLevel.allCases)
    func allVersions(level: QRCode.ErrorCorrectionLevel) throws {
        for version in 1...40 {
            let text = "QR\(version)\(level)-" + String(repeating: "A1B2", count: 1)
            let code = try QRCode(encoding: text, level: level, minimumVersion: version)
            #expect(code.version == version)
            let png = try code.png(moduleSize: 3, quietZone: 4)
            #expect(try QRZbar.decode(png: png) == text, "version \(version)-\(level)")
        }
    }

    /// Texts sized to land on small, mid, ≥ 7 and large versions in each mode.
    static let texts: [(String, QRCode.Mode)] = [
        ("31415926535897932384626433832795", .numeric),
        (String(repeating: "0123456789", count: 30), .numeric),
        (String(repeating: "9876543210", count: 300), .numeric),
        ("HELLO WORLD $%*+-./:", .alphanumeric),
        (String(repeating: "PIVAULT HEALTH CODE 42/", count: 12), .alphanumeric),
        (String(repeating: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", count: 40), .alphanumeric),
        ("https://example.org/v1/healthcodes?id=7", .byte),
        (String(repeating: "Grüße, 健康码 ✓ ", count: 10), .byte),
        (String(repeating: "lowercase text with punctuation; ", count: 30), .byte),
    ]

    @Test("§7.4.3–§7.4.5: numeric, alphanumeric and byte (UTF-8) data decode at every level",
          arguments: texts)
    func modes(text: String, mode: QRCode.Mode) throws {
        for level in QRCode.ErrorCorrectionLevel.allCases {
            let code = try QRCode(encoding: text, level: level, mode: .automatic)
            #expect(code.mode == mode)
            let png = try code.png(moduleSize: 3, quietZone: 4)
            #expect(try QRZbar.decode(png: png) == text, "\(mode) \(text.utf8.count) bytes at \(code.version)-\(level)")
        }
    }

    @Test("Table 7: version 40 filled to capacity in each mode decodes",
          arguments: [(QRCode.Mode.numeric, 7089), (.alphanumeric, 4296), (.byte, 2953)])
    func fullVersion40(mode: QRCode.Mode, count: Int) throws {
        // A repeated pattern rather than one character keeps the image varied.
        let pattern = mode == .numeric ? "0123456789" : (mode == .alphanumeric ? "ABC123 $%*+-./:" : "abc123,;")
        let text = String(String(repeating: pattern, count: count / pattern.count + 1).prefix(count))
        let code = try QRCode(encoding: text, level: .l, mode: mode)
        #expect(code.version == 40)
        #expect(try QRZbar.decode(png: code.png(moduleSize: 3, quietZone: 4)) == text)
    }

    @Test("DCC: a typical 550-character \"HC1:\" payload, alphanumeric at Q, decodes from 1-bit and 8-bit PNG")
    func healthCertificatePayload() throws {
        let body = "NCFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L2F3534JSB-Q2R55AJ7+A1QQ0OR2:9UBSHXT4/QMN9B6TYK82F%5G05PJ*+/7AP0N.B7D9Q39/91:TS$%6+7RW*1:RE8VP6D2IBIUZ8/LH2XC6TKY0VV27OL0NQB9NFI:9%JCTS2B.JW.QKFIVY72NEMK9VN3SC21GBRHTR$EH54$+O%1E5AUN99EUSUDAX3P/85:CUPNJ6VHMAE6-QGMTDX$HN89Z5+WMLD40UMA22HEW4H:RTTL5A5VEWJVYEA0IP4"
        let payload = "HC1:" + body
        #expect(payload.count > 400 && payload.count < 600)
        let code = try QRCode(healthCertificate: payload)
        #expect(code.mode == .alphanumeric && code.level == .q)
        for depth in [QRCode.PNGColorDepth.oneBit, .grayscale] {
            #expect(try QRZbar.decode(png: code.png(moduleSize: 4, quietZone: 4, colorDepth: depth)) == payload)
        }
    }

    @Test("§7.8.2: each of the eight masks decodes", arguments: 0..<8)
    func everyMask(mask: Int) throws {
        let text = "MASK \(mask) TEST 0123456789"
        let code = try QRCode(encoding: text, level: .m, minimumVersion: 8, mask: mask)
        #expect(code.mask == mask)
        #expect(try QRZbar.decode(png: code.png(moduleSize: 3, quietZone: 4)) == text)
    }
}
