import Crypto
import Foundation
import SwiftASN1
import X509

/// A trusted document-signer certificate, pre-parsed for fast verification.
///
/// The key id is the first 8 bytes of the SHA-256 of the certificate's DER
/// encoding (EU DCC technical specification §3.3.1).
public struct DocumentSigner: Sendable, Hashable {
    /// The certificate.
    public let certificate: Certificate
    /// The DER encoding of the certificate.
    public let derBytes: [UInt8]
    /// The COSE key id derived from the certificate.
    public let keyID: [UInt8]
    /// Start of the certificate's validity, seconds since the epoch.
    public let notBefore: Int64
    /// End of the certificate's validity, seconds since the epoch.
    public let notAfter: Int64
    /// The DCC certificate types the signer may sign, or `nil` when its
    /// extended-key-usage extension names none (then every type is allowed).
    public let allowedTypes: Set<DCCCertificateType>?
    let key: COSEVerificationKey

    /// Reads a signer from a DER-encoded certificate.
    ///
    /// - Throws: `invalidCertificate` when the certificate cannot be parsed or
    ///   its key type is not supported.
    public init(derEncoded der: [UInt8]) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw HealthCodeError(.invalidCertificate, "document-signer certificate is not valid DER X.509 (\(error))")
        }
        try self.init(certificate: certificate, derBytes: der)
    }

    /// Reads a signer from a parsed certificate.
    public init(certificate: Certificate) throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw HealthCodeError(.invalidCertificate, "certificate could not be serialized (\(error))")
        }
        try self.init(certificate: certificate, derBytes: serializer.serializedBytes)
    }

    private init(certificate: Certificate, derBytes: [UInt8]) throws {
        self.certificate = certificate
        self.derBytes = derBytes
        self.keyID = Array(SHA256.hash(data: derBytes).prefix(8))
        self.notBefore = Int64(certificate.notValidBefore.timeIntervalSince1970.rounded(.down))
        self.notAfter = Int64(certificate.notValidAfter.timeIntervalSince1970.rounded(.down))
        self.key = try COSEVerificationKey(certificate.publicKey)
        let usages: ExtendedKeyUsage?
        do {
            usages = try certificate.extensions.extendedKeyUsage
        } catch {
            throw HealthCodeError(.invalidCertificate, "extended-key-usage extension cannot be decoded (\(error))")
        }
        let types = Set((usages ?? ExtendedKeyUsage()).compactMap { DCCCertificateType(oid: String(describing: $0)) })
        self.allowedTypes = types.isEmpty ? nil : types
    }

    /// The key type of the signer for messages ("P-256", "RSA", …).
    public var keyTypeName: String { key.typeName }

    /// Checks a COSE_Sign1 signature with this signer's key.
    public func verify(_ message: COSESign1) throws {
        try message.verify(with: key)
    }

    public static func == (lhs: DocumentSigner, rhs: DocumentSigner) -> Bool { lhs.derBytes == rhs.derBytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(derBytes) }
}
