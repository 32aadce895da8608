import Crypto
import Foundation
import SwiftASN1
import X509

/// An issuing authority: a P-256 signing key and its self-signed
/// document-signer certificate.
public struct HealthCodeIssuer: Sendable {
    /// The issuer's name, written into `iss` and the payload.
    public let name: String
    /// The signing key.
    public let signingKey: P256.Signing.PrivateKey
    /// The document signer (certificate, kid) verifiers will trust.
    public let signer: DocumentSigner

    /// Creates a new key and a self-signed document-signer certificate.
    ///
    /// - Parameters:
    ///   - name: the authority's name (common name of the certificate).
    ///   - now: the certificate's notBefore, seconds since the epoch.
    ///   - validity: the certificate's lifetime in seconds (default two years).
    public static func generate(name: String, now: Int64, validity: Int64 = 2 * 365 * 86_400) throws -> HealthCodeIssuer {
        guard validity > 0, validity <= 100 * 366 * 86_400, abs(now) < 1 << 40 else {
            throw HealthCodeError(.invalidInput, "certificate lifetime must be between one second and 100 years")
        }
        let key = P256.Signing.PrivateKey()
        let subject: DistinguishedName
        do {
            subject = try DistinguishedName { CommonName(name) }
        } catch {
            throw HealthCodeError(.invalidInput, "issuer name cannot be used as a certificate common name (\(error))")
        }
        let serial = Certificate.SerialNumber(bytes: (0..<16).map { _ in UInt8.random(in: 1...255) })
        let certificate: Certificate
        do {
            certificate = try Certificate(
                version: .v3,
                serialNumber: serial,
                publicKey: .init(key.publicKey),
                notValidBefore: Date(timeIntervalSince1970: TimeInterval(now)),
                notValidAfter: Date(timeIntervalSince1970: TimeInterval(now + validity)),
                issuer: subject,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(KeyUsage(digitalSignature: true))
                },
                issuerPrivateKey: .init(key))
        } catch {
            throw HealthCodeError(.invalidCertificate, "document-signer certificate could not be created (\(error))")
        }
        return try HealthCodeIssuer(name: name, signingKey: key, signer: try DocumentSigner(certificate: certificate))
    }

    /// Creates an issuer from an existing key and certificate.
    ///
    /// - Throws: `invalidCertificate` when the certificate's key is not the signing key's.
    public init(name: String, signingKey: P256.Signing.PrivateKey, signer: DocumentSigner) throws {
        guard signer.p256PublicKey?.rawRepresentation == signingKey.publicKey.rawRepresentation else {
            throw HealthCodeError(.invalidCertificate, "the certificate does not belong to the signing key; regenerate both with keys init")
        }
        self.name = name
        self.signingKey = signingKey
        self.signer = signer
    }

    /// Loads an issuer from PEM text (a PKCS#8 private key and a certificate).
    public init(privateKeyPEM: String, certificatePEM: String) throws {
        let key: P256.Signing.PrivateKey
        do {
            key = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        } catch {
            throw HealthCodeError(.invalidCertificate, "issuer key is not a PEM P-256 private key")
        }
        let list = try TrustList(pemEncoded: certificatePEM)
        guard let signer = list.signers.first else {
            throw HealthCodeError(.invalidCertificate, "issuer certificate file holds no CERTIFICATE block")
        }
        var name = ""
        for rdn in signer.certificate?.subject ?? DistinguishedName() {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName { name = attribute.value.description }
        }
        try self.init(name: name, signingKey: key, signer: signer)
    }

    /// The private key as PKCS#8 PEM. Store it with owner-only permissions.
    public var privateKeyPEM: String { signingKey.pemRepresentation }

    /// The certificate as PEM.
    public var certificatePEM: String { TrustList([signer]).pemEncoded() }

    /// Issues a signed health code.
    ///
    /// - Parameters:
    ///   - status: green, yellow or red.
    ///   - now: start of validity, seconds since the epoch.
    ///   - validFor: lifetime in seconds; clamped so the code never outlives the certificate.
    ///   - codeID: the code's random id (fresh by default).
    /// - Returns: the credential and its "HC1:" string.
    public func issue(status: HealthStatus, now: Int64, validFor: Int64, codeID: HealthCodeID = .random()) throws -> IssuedHealthCode {
        guard validFor > 0 else {
            throw HealthCodeError(.invalidInput, "validity must be a positive number of seconds")
        }
        guard now >= signer.notBefore, now < signer.notAfter else {
            throw HealthCodeError(.invalidCertificate, "the document-signer certificate is not valid at the issuing time; renew it with keys init")
        }
        // Compared as a difference so a huge `validFor` cannot overflow.
        let validUntil = validFor >= signer.notAfter - now ? signer.notAfter : now + validFor
        let credential = HealthCredential(codeID: codeID, status: status, validFrom: now, validUntil: validUntil, issuer: name)
        return IssuedHealthCode(credential: credential, text: try encode(claims: credential.claims))
    }

    /// Signs any claims set and wraps it as an "HC1:" string:
    /// CWT → COSE_Sign1 (ES256, `alg` and `kid` protected) → zlib → Base45 → prefix.
    public func encode(claims: CWTClaims) throws -> String {
        let message = try COSESign1.signES256(payload: claims.encoded(), key: signingKey, keyID: signer.keyID)
        return try HC1Codec().encode(cose: message.encoded())
    }
}

/// A freshly issued health code.
public struct IssuedHealthCode: Sendable, Hashable {
    /// The credential inside the code.
    public var credential: HealthCredential
    /// The "HC1:" string to render as a QR code.
    public var text: String
}
