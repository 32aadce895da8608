import Crypto
import Foundation

/// One version of the vault's master key (key-encryption key). Its bytes are
/// never printed: `description` and the mirror are redacted.
public struct MasterKey: Sendable, CustomStringConvertible, CustomReflectable {
    /// The version number; data keys record the version that wraps them.
    public let version: Int
    let key: SymmetricKey

    /// Creates a master key from 32 raw bytes.
    public init(version: Int, bytes: some ContiguousBytes) throws(CryptoError) {
        let key = SymmetricKey(data: bytes)
        guard key.bitCount == 256 else {
            throw CryptoError(.invalidKey, "master key version \(version) must be 32 bytes (256 bits); generate one with `openssl rand -base64 32`")
        }
        guard version > 0 else { throw CryptoError(.invalidKey, "master key versions start at 1") }
        self.version = version
        self.key = key
    }

    /// Creates a master key from base64 text.
    public init(version: Int, base64: String) throws(CryptoError) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CryptoError(.invalidKey, "master key version \(version) is not valid base64")
        }
        try self.init(version: version, bytes: data)
    }

    /// A fresh random key. Versions start at 1; callers number a new key one past the highest known.
    public static func generate(version: Int) -> MasterKey {
        precondition(version > 0, "master key versions start at 1")
        return MasterKey(version: version, key: SymmetricKey(size: .bits256))
    }

    private init(version: Int, key: SymmetricKey) {
        self.version = version
        self.key = key
    }

    /// The key's bytes as base64, for writing a key file. One greppable call.
    public func exportBase64() -> String { key.withUnsafeBytes { Data($0).base64EncodedString() } }

    /// A key check value: proves a later-supplied key is the same one without storing the key.
    public var checkValue: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("pivault key check value v1".utf8), using: key)
        return Data(mac).prefix(16).base64EncodedString()
    }

    /// `MasterKey(version: N, <redacted>)`.
    public var description: String { "MasterKey(version: \(version), <redacted>)" }
    /// An empty mirror, so debuggers and dumps show nothing of the key.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
