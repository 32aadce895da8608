import SwiftASN1
import X509

/// The parts of an X.509 certificate a verifier needs, read straight from DER.
///
/// swift-certificates refuses to model certificates whose *own* signature
/// algorithm it does not know (for example RSASSA-PSS with SHA-512, as used
/// by several EU issuers). The verifier never checks that signature — trust
/// comes from the list itself — so it reads only validity, the public key and
/// the extended-key-usage OIDs from the TBSCertificate (RFC 5280 §4.1).
struct CertificateFields {
    var notBefore: Int64
    var notAfter: Int64
    var publicKey: Certificate.PublicKey
    var extendedKeyUsageOIDs: [String]

    init(derEncoded der: [UInt8]) throws {
        let root = try DER.parse(der)
        guard case .constructed(let certificate) = root.content,
            let tbsNode = certificate.first(where: { _ in true }),
            case .constructed(let tbs) = tbsNode.content
        else { throw Self.malformed("certificate is not a SEQUENCE holding a TBSCertificate") }
        var fields = Array(tbs)
        // version [0] EXPLICIT is optional.
        if let first = fields.first, first.identifier.tagClass == .contextSpecific, first.identifier.tagNumber == 0 {
            fields.removeFirst()
        }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, then optional tagged parts.
        guard fields.count >= 6, case .constructed(let validity) = fields[3].content else {
            throw Self.malformed("TBSCertificate lacks validity or subjectPublicKeyInfo")
        }
        let times = Array(validity)
        guard times.count == 2 else { throw Self.malformed("validity must hold two times") }
        notBefore = try Self.seconds(times[0])
        notAfter = try Self.seconds(times[1])
        publicKey = try Certificate.PublicKey(derEncoded: Array(fields[5].encodedBytes))
        var ekus: [String] = []
        for node in fields.dropFirst(6) where node.identifier.tagClass == .contextSpecific && node.identifier.tagNumber == 3 {
            guard case .constructed(let wrapper) = node.content, let sequence = wrapper.first(where: { _ in true }),
                case .constructed(let extensions) = sequence.content
            else { continue }
            for extensionNode in extensions {
                let ext = try Certificate.Extension(derEncoded: extensionNode)
                guard ext.oid == .X509ExtensionID.extendedKeyUsage else { continue }
                ekus += try ExtendedKeyUsage(ext).map { String(describing: $0) }
            }
        }
        extendedKeyUsageOIDs = ekus
    }

    static func seconds(_ node: ASN1Node) throws -> Int64 {
        let (y, mo, d, h, mi, s): (Int, Int, Int, Int, Int, Int)
        if node.identifier == .utcTime {
            let t = try UTCTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else {
            let t = try GeneralizedTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        }
        return Int64(TimestampParser.daysFromCivil(y, mo, d)) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    static func malformed(_ what: String) -> HealthCodeError {
        HealthCodeError(.invalidCertificate, "document-signer certificate is malformed: \(what)")
    }
}
