import Testing
@testable import HealthCode

/// ISO/IEC 18004 §7.3 (modes), §7.4.2 (character count indicator, Table 3)
/// and Table 7 (data capacity), with the version choice at each boundary.
@Suite("QR modes and capacity (ISO/IEC 18004 §7.3, §7.4, Table 7)")
struct QRCapacityTests {
    /// (version, level, numeric, alphanumeric, byte) capacities from Table 7.
    static let capacities: [(Int, QRCode.ErrorCorrectionLevel, Int, Int, Int)] = [
        (1, .l, 41, 25, 17), (1, .m, 34, 20, 14), (1, .q, 27, 16, 11), (1, .h, 17, 10, 7),
        (9, .l, 552, 335, 230), (9, .m, 432, 262, 180), (9, .q, 312, 189, 130), (9, .h, 235, 143, 98),
        (10, .l, 652, 395, 271), (10, .m, 513, 311, 213), (10, .q, 364, 221, 151), (10, .h, 288, 174, 119),
        (26, .l, 3283, 1990, 1367),
        (40, .l, 7089, 4296, 2953), (40, .m, 5596, 3391, 2331), (40, .q, 3993, 2420, 1663), (40, .h, 3057, 1852, 1273),
    ]

    @Test("Table 7: a full symbol picks that version; one more character needs the next or fails at 40",
          arguments: capacities)
    func boundaries(entry: (Int, QRCode.ErrorCorrectionLevel, Int, Int, Int)) throws {
        let (version, level, numeric, alphanumeric, byte) = entry
        for (mode, count, character) in [
            (QRCode.Mode.numeric, numeric, "7"), (.alphanumeric, alphanumeric, "Z"), (.byte, byte, "z"),
        ] {
            let fits = try QRCode(encoding: String(repeating: character, count: count), level: level, mode: mode)
            #expect(fits.version == version, "\(mode) \(count) at \(level)")
            let over = String(repeating: character, count: count + 1)
            if version == 40 {
                let error = #expect(throws: QRCodeError.self) { try QRCode(encoding: over, level: level, mode: mode) }
                #expect(error?.code == .dataTooLong)
            } else {
                #expect(try QRCode(encoding: over, level: level, mode: mode).version == version + 1)
            }
        }
    }

    @Test("Table 1: codewords per version and remainder bits")
    func totalCodewords() {
        #expect(QRVersion.totalCodewords[0] == 26)
        #expect(QRVersion.totalCodewords[6] == 196)
        #expect(QRVersion.totalCodewords[10] == 404)
        #expect(QRVersion.totalCodewords[39] == 3706)
        let remainders = (1...40).map(QRVersion.remainderBits)
        let expected = [0] + Array(repeating: 7, count: 5) + Array(repeating: 0, count: 7) + Array(repeating: 3, count: 7)
            + Array(repeating: 4, count: 7) + Array(repeating: 3, count: 7) + Array(repeating: 0, count: 6)
        #expect(remainders == expected)
    }

    @Test("Table 9: per level, data + EC codewords add up to the version's total")
    func blockTable() {
        for version in 1...40 {
            for level in QRCode.ErrorCorrectionLevel.allCases {
                let blocks = QRVersion.blocks(version, level)
                #expect(blocks.dataCodewords + blocks.count * blocks.ecCodewords == QRVersion.totalCodewords[version - 1])
                #expect(blocks.shortDataCodewords > blocks.ecCodewords / 2 - 1)
            }
        }
        #expect(QRVersion.dataCodewords(40, .l) == 2956 && QRVersion.dataCodewords(40, .h) == 1276)
    }

    @Test("Table 3: character count indicator lengths per version range")
    func countIndicator() {
        let modes: [QRCode.Mode] = [.numeric, .alphanumeric, .byte]
        #expect(modes.map { $0.characterCountBits(version: 9) } == [10, 9, 8])
        #expect(modes.map { $0.characterCountBits(version: 10) } == [12, 11, 16])
        #expect(modes.map { $0.characterCountBits(version: 26) } == [12, 11, 16])
        #expect(modes.map { $0.characterCountBits(version: 27) } == [14, 13, 16])
    }

    @Test("§7.3: automatic mode picks numeric, then alphanumeric, then byte")
    func automaticMode() throws {
        #expect(try QRCode(encoding: "0123456789").mode == .numeric)
        #expect(try QRCode(encoding: "HC1:6BF+70790T9WJWG.FKY*4GO0.O1CV2").mode == .alphanumeric)
        #expect(try QRCode(encoding: "hc1:lower").mode == .byte)
        #expect(try QRCode(encoding: "Grüße").mode == .byte)
        #expect(try QRCode(bytes: [0, 255, 128]).mode == .byte)
    }

    @Test("DCC: \"HC1:\" payloads go through alphanumeric mode at level Q")
    func healthCertificate() throws {
        let payload = "HC1:" + String(repeating: "NCFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA", count: 6)
        let code = try QRCode(healthCertificate: payload)
        #expect(code.mode == .alphanumeric && code.level == .q)
        let error = #expect(throws: QRCodeError.self) { try QRCode(healthCertificate: "HC1:abc") }
        #expect(error?.code == .invalidCharacter)
        let tooLong = #expect(throws: QRCodeError.self) {
            try QRCode(healthCertificate: String(repeating: "A", count: 2421))
        }
        #expect(tooLong?.code == .dataTooLong)
    }

    @Test("§7.4.3–§7.4.4: a character outside the mode is refused by offset, never echoed")
    func invalidCharacters() {
        let numeric = #expect(throws: QRCodeError.self) { try QRCode(encoding: "12a4", mode: .numeric) }
        #expect(numeric?.code == .invalidCharacter)
        #expect(numeric?.message.contains("offset 2") == true)
        let secret = "SECRET-name"
        let alnum = #expect(throws: QRCodeError.self) { try QRCode(encoding: secret, mode: .alphanumeric) }
        #expect(alnum?.code == .invalidCharacter)
        #expect(alnum?.message.contains("name") == false)
        #expect(alnum?.message.contains("offset 7") == true)
    }

    @Test("§7.4: data too long for version 40 gives a clear error with the sizes")
    func tooLong() {
        let error = #expect(throws: QRCodeError.self) {
            try QRCode(encoding: String(repeating: "9", count: 7090), level: .l)
        }
        #expect(error?.code == .dataTooLong)
        #expect(error?.description.contains("version 40-L") == true)
    }

    @Test("invalid arguments: mask and minimum version out of range")
    func invalidArguments() {
        #expect((#expect(throws: QRCodeError.self) { try QRCode(encoding: "1", mask: 8) })?.code == .invalidArgument)
        #expect((#expect(throws: QRCodeError.self) { try QRCode(encoding: "1", minimumVersion: 41) })?.code == .invalidArgument)
        #expect((#expect(throws: QRCodeError.self) { try QRCode(encoding: "1", minimumVersion: 0) })?.code == .invalidArgument)
    }

    @Test("§7.4: minimum version and fixed mask are honoured")
    func minimumVersionAndMask() throws {
        let code = try QRCode(encoding: "HELLO", level: .h, minimumVersion: 12, mask: 5)
        #expect(code.version == 12 && code.mask == 5 && code.size == 65)
    }
}
