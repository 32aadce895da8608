import Crypto
import Foundation

/// Rules shared by C2SP signed-note keys and signature lines.
enum NoteName {
    /// C2SP signed-note: a key name is non-empty UTF-8 with no whitespace and no `+`.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }

    /// The key id: the first four bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ type ‖ public key).
    static func keyID(name: String, typedKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8))
        hasher.update(data: [0x0A])
        hasher.update(data: typedKey)
        return hasher.finalize().withUnsafeBytes { raw in
            raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
    }

    /// Eight lower-case hex digits.
    static func hex(_ id: UInt32) -> String {
        let text = String(id, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// Parses exactly eight hex digits.
    static func parseHex(_ text: Substring) -> UInt32? {
        guard text.count == 8, text.allSatisfy(\.isHexDigit) else { return nil }
        return UInt32(text, radix: 16)
    }

    /// Splits `name+hexid+base64` into its three parts.
    static func splitKey(_ text: Substring, kind: String) throws -> (name: String, id: UInt32, key: [UInt8]) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw LogError(.malformedKey, "\(kind) key is not of the form name+hexid+base64")
        }
        let name = String(parts[0])
        guard isValid(name) else {
            throw LogError(.malformedKey, "\(kind) key name is empty or contains whitespace or '+'")
        }
        guard let id = parseHex(parts[1]) else {
            throw LogError(.malformedKey, "\(kind) key id for \(name) is not eight hex digits")
        }
        guard let key = Data(base64Encoded: String(parts[2])), !key.isEmpty else {
            throw LogError(.malformedKey, "\(kind) key material for \(name) is not standard base64")
        }
        return (name, id, Array(key))
    }
}

/// The signature algorithm byte of C2SP signed-note keys.
enum NoteAlgorithm {
    /// Ed25519 (RFC 8032).
    static let ed25519: UInt8 = 0x01
}
