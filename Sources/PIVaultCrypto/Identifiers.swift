import Foundation

/// Random, pseudonymous identifiers: they carry no personal information and
/// cannot be derived from it.
public enum Identifiers {
    /// A new identifier such as `sub_5k2x…`: a prefix and 128 random bits in lowercase base32.
    public static func random(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        var bytes = Array(prefix.utf8) + [UInt8(ascii: "_")]
        // 26 base32 characters carry 130 bits; 128 come from the two words, the top two bits are zero.
        for index in 0..<26 {
            bytes.append(alphabet[Int(low & 31)])
            low = (low >> 5) | (high << 59)
            high >>= 5
            _ = index
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
