/// Base45 (RFC 9285): the QR-alphanumeric-safe encoding used after "HC1:".
public enum Base45 {
    /// The 45-character alphabet of RFC 9285 §4, in value order.
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Character → value; 0xff marks characters outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Encodes bytes (RFC 9285 §4.2): two bytes become three characters, a last odd byte two.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 1) / 2 * 3)
        var i = 0
        while i + 1 < bytes.count {
            var n = Int(bytes[i]) << 8 | Int(bytes[i + 1])
            for _ in 0..<3 {
                out.append(alphabet[n % 45])
                n /= 45
            }
            i += 2
        }
        if i < bytes.count {
            let n = Int(bytes[i])
            out.append(alphabet[n % 45])
            out.append(alphabet[n / 45])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes Base45 text (RFC 9285 §4.3).
    ///
    /// - Throws: `invalidBase45` for a character outside the alphabet, a dangling
    ///   single character, or a group whose value exceeds 65535 (three
    ///   characters) or 255 (two characters).
    public static func decode(_ text: some StringProtocol) throws -> [UInt8] {
        if let result = try text.utf8.withContiguousStorageIfAvailable({ try decode(utf8: $0) }) {
            return result
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try decode(utf8: $0) }
    }

    /// Decodes Base45 from raw UTF-8 bytes; see ``decode(_:)``.
    public static func decode(utf8 input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let count = input.count
        guard count % 3 != 1 else {
            throw HealthCodeError(.invalidBase45, "Base45 text of \(count) characters leaves a dangling single character; the text is truncated")
        }
        var out: [UInt8] = []
        out.reserveCapacity(count / 3 * 2 + 1)
        var i = 0
        while i < count {
            let groupSize = min(3, count - i)
            var n = 0
            var factor = 1
            for j in 0..<groupSize {
                let v = values[Int(input[i + j])]
                guard v != 0xff else {
                    throw HealthCodeError(.invalidBase45, "character at position \(i + j) is not in the Base45 alphabet")
                }
                n += Int(v) * factor
                factor *= 45
            }
            if groupSize == 3 {
                guard n <= 0xffff else {
                    throw HealthCodeError(.invalidBase45, "group at position \(i) encodes \(n), above 65535")
                }
                out.append(UInt8(n >> 8))
                out.append(UInt8(n & 0xff))
            } else {
                guard n <= 0xff else {
                    throw HealthCodeError(.invalidBase45, "final group at position \(i) encodes \(n), above 255")
                }
                out.append(UInt8(n))
            }
            i += groupSize
        }
        return out
    }
}
