import Crypto
import _CryptoExtras
import X509

/// A public key that can check a COSE_Sign1 signature.
///
/// The key type fixes which algorithms it accepts, so a message whose `alg`
/// names a different family (say PS256 against an EC key) is refused before
/// any cryptography runs (RFC 9052 §8.1: the key and algorithm must match).
public enum COSEVerificationKey: Sendable {
    /// A P-256 key; verifies ES256.
    case p256(P256.Signing.PublicKey)
    /// A P-384 key; verifies ES384.
    case p384(P384.Signing.PublicKey)
    /// A P-521 key; verifies ES512.
    case p521(P521.Signing.PublicKey)
    /// An RSA key; verifies PS256.
    case rsa(_RSA.Signing.PublicKey)

    /// Extracts the key from a certificate's subject public key.
    ///
    /// - Throws: `invalidCertificate` when the key type is not supported.
    public init(_ key: Certificate.PublicKey) throws {
        if let k = P256.Signing.PublicKey(key) {
            self = .p256(k)
        } else if let k = _RSA.Signing.PublicKey(key) {
            self = .rsa(k)
        } else if let k = P384.Signing.PublicKey(key) {
            self = .p384(k)
        } else if let k = P521.Signing.PublicKey(key) {
            self = .p521(k)
        } else {
            throw HealthCodeError(.invalidCertificate, "certificate key type is not supported; use a P-256 (ES256) or RSA (PS256) document-signer key")
        }
    }

    /// A short name of the key type for messages.
    public var typeName: String {
        switch self {
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        case .rsa: "RSA"
        }
    }

    /// Checks `signature` over `message` under `algorithm`.
    ///
    /// - Throws: `keyMismatch` when the algorithm does not belong to this key,
    ///   `unsupportedAlgorithm` for an unknown algorithm and `invalidSignature`
    ///   when the signature is malformed or does not verify.
    public func verify(signature: [UInt8], over message: [UInt8], algorithm: COSEAlgorithm) throws {
        let valid: Bool
        switch (self, algorithm) {
        case (.p256(let key), .es256):
            guard let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { throw Self.badLength(signature, 64) }
            valid = key.isValidSignature(sig, for: SHA256.hash(data: message))
        case (.p384(let key), .es384):
            guard let sig = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { throw Self.badLength(signature, 96) }
            valid = key.isValidSignature(sig, for: SHA384.hash(data: message))
        case (.p521(let key), .es512):
            guard let sig = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { throw Self.badLength(signature, 132) }
            valid = key.isValidSignature(sig, for: SHA512.hash(data: message))
        case (.rsa(let key), .ps256):
            valid = key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: message), padding: .PSS)
        case (_, .es256), (_, .es384), (_, .es512), (_, .ps256):
            throw HealthCodeError(.keyMismatch, "message algorithm \(algorithm) does not match the signer's \(typeName) key; the message or trust list is wrong")
        default:
            throw HealthCodeError(.unsupportedAlgorithm, "COSE algorithm \(algorithm) is not supported; use ES256 or PS256")
        }
        guard valid else {
            throw HealthCodeError(.invalidSignature, "\(algorithm) signature does not verify under the \(typeName) key")
        }
    }

    private static func badLength(_ signature: [UInt8], _ expected: Int) -> HealthCodeError {
        HealthCodeError(.invalidSignature, "ECDSA signature is \(signature.count) bytes, expected \(expected) (raw r||s)")
    }
}
