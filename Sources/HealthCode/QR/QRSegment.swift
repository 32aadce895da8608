/// One run of data in a single mode, with its bit-stream encoding
/// (ISO/IEC 18004 §7.4.3–§7.4.5).
struct QRSegment: Sendable {
    /// The concrete mode (never `.automatic`).
    let mode: QRCode.Mode
    /// The character count written in the count indicator (bytes for byte mode).
    let characterCount: Int
    /// The encoded data bits, without mode and count indicators.
    let data: QRBitBuffer

    /// The 45 characters of the alphanumeric mode, in value order (§7.4.4, Table 5).
    static let alphanumericCharset: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Value of each byte in the alphanumeric set, or -1.
    private static let alphanumericValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in alphanumericCharset.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    /// Picks the mode for `.automatic`: numeric, then alphanumeric, then byte.
    static func automaticMode(for utf8: [UInt8]) -> QRCode.Mode {
        if utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .numeric }
        if utf8.allSatisfy({ alphanumericValues[Int($0)] >= 0 }) { return .alphanumeric }
        return .byte
    }

    /// Encodes UTF-8 text in `mode` (`.automatic` resolves first).
    ///
    /// - Throws: `invalidCharacter` with the offending UTF-8 offset when the
    ///   text contains a character the mode cannot represent.
    static func make(utf8: [UInt8], mode requested: QRCode.Mode) throws -> QRSegment {
        let mode = requested == .automatic ? automaticMode(for: utf8) : requested
        switch mode {
        case .numeric: return try numeric(utf8)
        case .alphanumeric: return try alphanumeric(utf8)
        case .byte, .automatic: return bytes(utf8)
        }
    }

    /// Numeric mode: groups of three digits in 10 bits, a trailing pair in 7,
    /// a trailing digit in 4 (§7.4.3).
    static func numeric(_ digits: [UInt8]) throws -> QRSegment {
        var bits = QRBitBuffer(reservingBits: digits.count * 10 / 3 + 4)
        var index = 0
        while index < digits.count {
            let take = min(3, digits.count - index)
            var value: UInt32 = 0
            for offset in index..<(index + take) {
                let byte = digits[offset]
                guard byte >= 0x30 && byte <= 0x39 else { throw invalid(.numeric, offset) }
                value = value * 10 + UInt32(byte - 0x30)
            }
            bits.append(value, length: take * 3 + 1)
            index += take
        }
        return QRSegment(mode: .numeric, characterCount: digits.count, data: bits)
    }

    /// Alphanumeric mode: pairs as 45·a + b in 11 bits, a trailing character in 6 (§7.4.4).
    static func alphanumeric(_ text: [UInt8]) throws -> QRSegment {
        var bits = QRBitBuffer(reservingBits: text.count * 11 / 2 + 6)
        var index = 0
        while index < text.count {
            let first = alphanumericValues[Int(text[index])]
            guard first >= 0 else { throw invalid(.alphanumeric, index) }
            if index + 1 < text.count {
                let second = alphanumericValues[Int(text[index + 1])]
                guard second >= 0 else { throw invalid(.alphanumeric, index + 1) }
                bits.append(UInt32(first) * 45 + UInt32(second), length: 11)
                index += 2
            } else {
                bits.append(UInt32(first), length: 6)
                index += 1
            }
        }
        return QRSegment(mode: .alphanumeric, characterCount: text.count, data: bits)
    }

    /// Byte mode: eight bits per byte (§7.4.5).
    static func bytes(_ data: [UInt8]) -> QRSegment {
        var bits = QRBitBuffer(reservingBits: data.count * 8)
        for byte in data { bits.append(UInt32(byte), length: 8) }
        return QRSegment(mode: .byte, characterCount: data.count, data: bits)
    }

    /// Total bits of mode indicator, count indicator and data at `version`.
    func bitLength(version: Int) -> Int {
        4 + mode.characterCountBits(version: version) + data.count
    }

    private static func invalid(_ mode: QRCode.Mode, _ offset: Int) -> QRCodeError {
        QRCodeError(.invalidCharacter, "the byte at UTF-8 offset \(offset) cannot be encoded in \(mode) mode; use .byte or .automatic")
    }
}
