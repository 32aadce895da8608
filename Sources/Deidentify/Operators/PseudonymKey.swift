import Crypto
import Foundation

/// The secret behind keyed pseudonyms: an HMAC-SHA-256 key.
///
/// The same value gives the same pseudonym under one key across a whole dataset and an
/// unrelated one under another key. Whoever holds the key can confirm a guessed value, so
/// pseudonymised output is still personal information (PIPL Art. 73(3)); keep the key in
/// the vault or a protected file. The key never appears in descriptions.
public struct PseudonymKey: Sendable, CustomStringConvertible {
    let key: SymmetricKey

    /// Wraps an existing key (for example one derived from the vault's key hierarchy).
    public init(_ key: SymmetricKey) { self.key = key }

    /// Creates a key from raw bytes; at least 16 bytes are required.
    public init(bytes: some ContiguousBytes) throws {
        let data = bytes.withUnsafeBytes { Data($0) }
        guard data.count >= 16 else {
            throw PIIError(code: .invalidKey, message: "a pseudonym key needs at least 16 bytes; got \(data.count). Use 32 random bytes, e.g. `head -c 32 /dev/urandom > key`")
        }
        key = SymmetricKey(data: data)
    }

    /// Reads a key file: 64 hexadecimal characters (optionally with a trailing newline) or
    /// raw bytes.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PIIError(code: .invalidKey, message: "cannot read the key file \(url.lastPathComponent); check the path and its permissions")
        }
        if let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
           text.count >= 32, text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var it = text.makeIterator()
            while let h = it.next(), let l = it.next() { bytes.append(UInt8(String([h, l]), radix: 16) ?? 0) }
            try self.init(bytes: bytes)
        } else {
            try self.init(bytes: data)
        }
    }

    /// A fresh random 256-bit key.
    public static func random() -> PseudonymKey { PseudonymKey(SymmetricKey(size: .bits256)) }

    /// Never shows the key.
    public var description: String { "PseudonymKey(<redacted>)" }
}
