import Crypto
import Foundation

/// A private key that signs C2SP signed notes with Ed25519, read from and
/// written to the `PRIVATE+KEY+name+hexid+base64` text form.
///
/// The key never prints: `description` and the mirror hide it, and the only
/// way to read the secret text is ``exportPrivateKeyText()``.
public struct NoteSigner: Sendable, CustomStringConvertible, CustomReflectable {
    /// The key name, written into each signature line.
    public let name: String
    /// The 4-byte key id shared with the matching ``NoteVerifier``.
    public let keyID: UInt32
    private let key: Curve25519.Signing.PrivateKey

    /// Parses a signer key `PRIVATE+KEY+name+hexid+base64(0x01 ‖ seed)`.
    ///
    /// - Throws: ``LogError/Code/malformedKey`` when the text is malformed, the
    ///   algorithm is not Ed25519, or the id does not match the derived public key.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = "PRIVATE+KEY+"
        guard trimmed.hasPrefix(prefix) else {
            throw LogError(.malformedKey, "signer key does not start with PRIVATE+KEY+")
        }
        let (name, id, material) = try NoteName.splitKey(trimmed.dropFirst(prefix.count), kind: "signer")
        guard material[0] == NoteAlgorithm.ed25519 else {
            throw LogError(.malformedKey, "signer key \(name) uses algorithm \(material[0]); only Ed25519 (1) is supported")
        }
        guard material.count == 33,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: material.dropFirst()) else {
            throw LogError(.malformedKey, "signer key \(name) has a \(material.count - 1)-byte seed; Ed25519 seeds are 32 bytes")
        }
        try self.init(name: name, key: key)
        guard keyID == id else {
            throw LogError(.malformedKey, "signer key \(name) declares id \(NoteName.hex(id)) but its public key hashes to \(NoteName.hex(keyID))")
        }
    }

    /// Creates a signer from an Ed25519 private key.
    ///
    /// - Throws: ``LogError/Code/malformedKey`` for an invalid name.
    public init(name: String, key: Curve25519.Signing.PrivateKey) throws {
        guard NoteName.isValid(name) else {
            throw LogError(.malformedKey, "key name is empty or contains whitespace or '+'")
        }
        self.name = name
        self.key = key
        keyID = NoteName.keyID(name: name, typedKey: [NoteAlgorithm.ed25519] + Array(key.publicKey.rawRepresentation))
    }

    /// Creates a signer with a fresh random key.
    public static func generate(name: String) throws -> NoteSigner {
        try NoteSigner(name: name, key: Curve25519.Signing.PrivateKey())
    }

    /// The public half, for publishing.
    public var verifier: NoteVerifier {
        NoteVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation), keyID: keyID)
    }

    /// The secret `PRIVATE+KEY+name+hexid+base64` text; store it like a password.
    public func exportPrivateKeyText() -> String {
        "PRIVATE+KEY+\(name)+\(NoteName.hex(keyID))+\(([NoteAlgorithm.ed25519] + Array(key.rawRepresentation)).base64String)"
    }

    /// The Ed25519 signature over `message`.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        Array(try key.signature(for: message))
    }

    /// Names the key without revealing it.
    public var description: String { "NoteSigner(\(name)+\(NoteName.hex(keyID)), <redacted>)" }

    /// Empty, so that dumping a signer shows no key material.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
