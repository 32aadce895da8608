import Crypto
import Foundation

/// The vault's Ed25519 signing key: signs consent receipts, deletion receipts
/// and exports so anyone with the public key can check them offline. The
/// private key is stored wrapped under the master key, like a data key.
public struct VaultSigner: Sendable, CustomStringConvertible {
    let key: Curve25519.Signing.PrivateKey

    /// Creates a signer from raw private-key bytes.
    init(rawRepresentation: Data) throws {
        key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
    }

    /// A fresh key.
    static func generate() -> VaultSigner { VaultSigner(key: Curve25519.Signing.PrivateKey()) }

    private init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    var rawRepresentation: Data { key.rawRepresentation }

    /// The public key, base64 — what verifiers need.
    public var publicKeyBase64: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// A short identifier of the public key: the first 8 bytes of its SHA-256, hex.
    public var keyID: String { Self.keyID(of: key.publicKey.rawRepresentation) }

    static func keyID(of publicKey: Data) -> String {
        SHA256.hash(data: publicKey).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Signs `message`.
    public func sign(_ message: Data) throws -> Data { try key.signature(for: message) }

    /// `VaultSigner(keyID: …)` — never the private key.
    public var description: String { "VaultSigner(keyID: \(keyID))" }
}
