import Crypto
import SwiftASN1
import X509

/// A trusted document-signer certificate, pre-parsed for fast verification.
///
/// The key id is the first 8 bytes of the SHA-256 of the certificate's DER
/// encoding (EU DCC technical specification §3.3.1).
public struct DocumentSigner: Sendable, Hashable {
    /// The certificate as modelled by swift-certificates, or `nil` when that
    /// library cannot represent it (for example an RSASSA-PSS-signed
    /// certificate); verification does not need it.
    public let certificate: Certificate?
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
    /// - Parameters:
    ///   - der: the certificate.
    ///   - keyID: the kid as published by a trust-list distributor; by default
    ///     it is derived from the certificate. The EU gateway publishes kids
    ///     alongside certificates, and two entries may share one.
    /// - Throws: `invalidCertificate` when the certificate cannot be parsed or
    ///   its key type is not supported.
    public init(derEncoded der: [UInt8], keyID: [UInt8]? = nil) throws {
        let fields: CertificateFields
        do {
            fields = try CertificateFields(derEncoded: der)
        } catch let error as HealthCodeError {
            throw error
        } catch {
            throw HealthCodeError(.invalidCertificate, "document-signer certificate is not valid DER X.509 (\(error))")
        }
        self.certificate = try? Certificate(derEncoded: der)
        self.derBytes = der
        self.keyID = keyID ?? Array(SHA256.hash(data: der).prefix(8))
        self.notBefore = fields.notBefore
        self.notAfter = fields.notAfter
        self.key = try COSEVerificationKey(fields.publicKey)
        let types = Set(fields.extendedKeyUsageOIDs.compactMap { DCCCertificateType(oid: $0) })
        self.allowedTypes = types.isEmpty ? nil : types
    }

    /// Reads a signer from a parsed certificate.
    public init(certificate: Certificate) throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw HealthCodeError(.invalidCertificate, "certificate could not be serialized (\(error))")
        }
        try self.init(derEncoded: serializer.serializedBytes)
    }

    /// The key type of the signer for messages ("P-256", "RSA", …).
    public var keyTypeName: String { key.typeName }

    /// The signer's key when it is a P-256 key.
    public var p256PublicKey: P256.Signing.PublicKey? {
        if case .p256(let k) = key { return k }
        return nil
    }

    /// Checks a COSE_Sign1 signature with this signer's key.
    public func verify(_ message: COSESign1) throws {
        try message.verify(with: key)
    }

    /// Signers are equal when their certificate and kid are.
    public static func == (lhs: DocumentSigner, rhs: DocumentSigner) -> Bool { lhs.derBytes == rhs.derBytes && lhs.keyID == rhs.keyID }

    /// Hashes the certificate and kid.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(derBytes)
        hasher.combine(keyID)
    }
}
