import Crypto
import Foundation
import PIVaultCore

/// A JSON document with a detached Ed25519 signature over its canonical form
/// (keys sorted, no insignificant whitespace, as RFC 8785 produces for these
/// documents): `{"document": {...}, "signature": {"alg", "keyId", "publicKey", "value"}}`.
public enum SignedDocument {
    /// A verification failure, saying what did not match.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// The canonical bytes of a JSON value.
    public static func canonical(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Signs `document`, returning the signed JSON text.
    public static func sign(_ document: JSONValue, with signer: VaultSigner) throws -> String {
        let signature = try signer.sign(try canonical(document))
        let wrapper: JSONValue = .object([
            "document": document,
            "signature": .object([
                "alg": .string("Ed25519"),
                "keyId": .string(signer.keyID),
                "publicKey": .string(signer.publicKeyBase64),
                "value": .string(signature.base64EncodedString()),
            ]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(wrapper), as: UTF8.self)
    }

    /// Verifies signed JSON text against a trusted public key (base64), returning the document.
    /// The public key inside the file is never trusted on its own.
    public static func verify(_ text: Data, trustedPublicKey: String) throws -> JSONValue {
        guard let wrapper = try? JSONDecoder().decode(JSONValue.self, from: text), case .object(let fields) = wrapper else {
            throw Failure(message: "not a signed document: expected a JSON object with 'document' and 'signature'")
        }
        guard let document = fields["document"], case .object(let signature)? = fields["signature"] else {
            throw Failure(message: "not a signed document: 'document' or 'signature' is missing")
        }
        guard case .string("Ed25519")? = signature["alg"] else { throw Failure(message: "unsupported signature algorithm; expected Ed25519") }
        guard case .string(let value)? = signature["value"], let signatureBytes = Data(base64Encoded: value) else {
            throw Failure(message: "the signature value is missing or not base64")
        }
        guard let keyBytes = Data(base64Encoded: trustedPublicKey.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes) else {
            throw Failure(message: "the trusted public key is not a base64 Ed25519 public key (32 bytes)")
        }
        if case .string(let keyID)? = signature["keyId"], keyID != VaultSigner.keyID(of: keyBytes) {
            throw Failure(message: "the document was signed by key \(keyID), not by the trusted key \(VaultSigner.keyID(of: keyBytes))")
        }
        guard key.isValidSignature(signatureBytes, for: try canonical(document)) else {
            throw Failure(message: "the signature does not match the document: it was altered after signing, or signed by another key")
        }
        return document
    }
}
