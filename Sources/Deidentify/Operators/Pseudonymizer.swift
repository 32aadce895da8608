import Crypto

/// Keyed pseudonyms: `<TYPE:hex>` where hex is the first 8 bytes of
/// HMAC-SHA-256(key, type ‖ 0x1F ‖ canonical value).
///
/// The canonical value folds full-width digits and letters to ASCII, upper-cases letters
/// and drops spaces, hyphens, dots and brackets, so `138 1234 5678`, `138-1234-5678` and
/// `13812345678` share one pseudonym; a `+86`/`0086` prefix is dropped for phone numbers.
/// The type is part of the MAC input, so equal digits of different types do not link.
public struct Pseudonymizer: Sendable {
    let key: PseudonymKey

    /// Creates a pseudonymizer under `key`.
    public init(key: PseudonymKey) { self.key = key }

    /// The pseudonym of `value` as a `type`.
    public func pseudonym(for value: String, as type: PIIType) -> String {
        var message = Array(type.rawValue.utf8)
        message.append(0x1F)
        message += Array(Self.canonical(value, as: type).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key.key)
        let hex = mac.prefix(8).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        return "<\(type.rawValue):\(hex)>"
    }

    /// The form of `value` that is hashed.
    static func canonical(_ value: String, as type: PIIType) -> String {
        var scalars = Array(value.unicodeScalars)
        if type == .mobile || type == .landline {
            scalars.removeFirst(MaskingPolicy.countryPrefixLength(scalars))
        }
        var out = String.UnicodeScalarView()
        for s in scalars {
            var v = s.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if v == 0x20 || v == 0x2D || v == 0x2E || v == 0x28 || v == 0x29 || v == 0xB7 || v == 0x3000 { continue }
            if v >= 0x61 && v <= 0x7A && type != .email { v -= 0x20 }
            if let u = Unicode.Scalar(v) { out.append(u) }
        }
        if type == .email { return String(out).lowercased() }
        return String(out)
    }
}
