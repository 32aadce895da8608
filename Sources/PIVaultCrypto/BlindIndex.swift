import Crypto
import Foundation

/// Keyed HMAC-SHA-256 digests of normalised values, so a subject can be found
/// by an exact value without decrypting anything and without the stored
/// digest revealing the value to someone who lacks the key.
public struct BlindIndex: Sendable, CustomStringConvertible, CustomReflectable {
    let key: SymmetricKey

    /// Creates an index over a 256-bit index key (itself stored wrapped like a data key).
    public init(key: DataKey) { self.key = key.key }

    /// The digest of `value` in the index domain `kind` (e.g. `resident-id`), base64.
    public func digest(kind: String, value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind)\u{0}\(value)".utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// `BlindIndex(<redacted>)`.
    public var description: String { "BlindIndex(<redacted>)" }
    /// An empty mirror.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
