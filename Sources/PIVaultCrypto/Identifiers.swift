import Foundation

/// Random, pseudonymous identifiers: they carry no personal information and
/// cannot be derived from it.
public enum Identifiers {
    /// A new identifier such as `sub_5k2x…`: a prefix and 128 random bits in lowercase base32.
    public static func random(prefix: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var high = SecureRandom.word()
        var low = SecureRandom.word()
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

    /// A new identifier whose characters sort by creation time: a prefix, the
    /// time in milliseconds (48 bits) and 80 random bits, in 26 lowercase base32
    /// characters of the same set as ``random(prefix:)``.
    ///
    /// New rows then land at the end of the indexes keyed by the id instead of
    /// all over them, which keeps bulk collection fast. The id reveals when it
    /// was made — no more than the creation time the vault stores beside it.
    public static func timeOrdered(prefix: String, at date: Date) -> String {
        // The digits come first so that byte order is numeric order.
        let alphabet = sortedAlphabet
        let milliseconds = UInt64(max(0, min((date.timeIntervalSince1970 * 1000).rounded(), Double(UInt64(1) << 48 - 1))))
        var random = SecureRandom.word()
        let extra = SecureRandom.word()
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(bytes.count + 27)
        bytes.append(UInt8(ascii: "_"))
        // 10 characters carry 50 bits: the 48-bit time, two zero bits on top.
        for shift in stride(from: 45, through: 0, by: -5) {
            bytes.append(alphabet[Int((milliseconds >> UInt64(shift)) & 31)])
        }
        // 16 characters carry 80 random bits: 60 from one word, 20 from another.
        for index in 0..<16 {
            if index == 12 { random = extra }
            bytes.append(alphabet[Int(random & 31)])
            random >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let sortedAlphabet = Array("234567abcdefghijklmnopqrstuvwxyz".utf8)
}
