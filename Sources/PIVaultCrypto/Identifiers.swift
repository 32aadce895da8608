import Foundation

/// Random, pseudonymous identifiers: they carry no personal information and
/// cannot be derived from it.
public enum Identifiers {
    /// A new identifier such as `sub_5k2x…`: a prefix and 128 random bits in lowercase base32.
    public static func random(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var text = prefix + "_"
        for _ in 0..<26 { text.append(alphabet[Int(generator.next() % 32)]) }
        return text
    }
}
