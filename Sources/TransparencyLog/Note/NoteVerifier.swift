import Crypto
import Foundation

/// A public key that checks C2SP signed-note signatures, read from and
/// written to the `name+hexid+base64` text form.
public struct NoteVerifier: Sendable, Hashable, CustomStringConvertible {
    /// The key name, which signature lines repeat.
    public let name: String
    /// The 4-byte key id: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0..<4].
    public let keyID: UInt32
    /// The raw Ed25519 public key (32 bytes).
    public let publicKey: [UInt8]

    /// Parses a verifier key `name+hexid+base64(0x01 ‖ public key)`.
    ///
    /// - Throws: ``LogError/Code/malformedKey`` when a part is malformed, the
    ///   algorithm is not Ed25519, or the id does not match the name and key.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.hasPrefix("PRIVATE+KEY+") else {
            throw LogError(.malformedKey, "a private signer key was given where a public verifier key is needed; pass the name+hexid+base64 verifier key")
        }
        let (name, id, key) = try NoteName.splitKey(Substring(trimmed), kind: "verifier")
        guard key[0] == NoteAlgorithm.ed25519 else {
            throw LogError(.malformedKey, "verifier key \(name) uses algorithm \(key[0]); only Ed25519 (1) is supported")
        }
        guard key.count == 33 else {
            throw LogError(.malformedKey, "verifier key \(name) has a \(key.count - 1)-byte public key; Ed25519 keys are 32 bytes")
        }
        let computed = NoteName.keyID(name: name, typedKey: key)
        guard computed == id else {
            throw LogError(.malformedKey, "verifier key \(name) declares id \(NoteName.hex(id)) but its name and key hash to \(NoteName.hex(computed))")
        }
        self.init(name: name, publicKey: Array(key.dropFirst()), keyID: id)
    }

    init(name: String, publicKey: [UInt8], keyID: UInt32) {
        self.name = name
        self.publicKey = publicKey
        self.keyID = keyID
    }

    /// Creates a verifier for a raw Ed25519 public key.
    ///
    /// - Throws: ``LogError/Code/malformedKey`` for an invalid name or a key that is not 32 bytes.
    public init(name: String, ed25519PublicKey: [UInt8]) throws {
        guard NoteName.isValid(name) else {
            throw LogError(.malformedKey, "key name is empty or contains whitespace or '+'")
        }
        guard ed25519PublicKey.count == 32 else {
            throw LogError(.malformedKey, "Ed25519 public key for \(name) has \(ed25519PublicKey.count) bytes; expected 32")
        }
        self.init(name: name, publicKey: ed25519PublicKey,
                  keyID: NoteName.keyID(name: name, typedKey: [NoteAlgorithm.ed25519] + ed25519PublicKey))
    }

    /// The `name+hexid+base64` text form.
    public var text: String {
        "\(name)+\(NoteName.hex(keyID))+\(([NoteAlgorithm.ed25519] + publicKey).base64String)"
    }

    /// The text form.
    public var description: String { text }

    /// Whether `signature` is this key's Ed25519 signature over `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

extension Array where Element == UInt8 {
    var base64String: String { Data(self).base64EncodedString() }
}
