import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import HealthCode

@Suite("Verifier policy: kid collisions and extended key usage (EU DCC §5.4.1)")
struct VerifierPolicyTests {
    static let now: Int64 = 1_800_000_000

    /// A self-signed document signer, optionally restricted by DCC EKU OIDs.
    static func signer(key: P256.Signing.PrivateKey, ekuOIDs: [String], kid: [UInt8]? = nil) throws -> DocumentSigner {
        let name = try DistinguishedName { CommonName("DSC") }
        let usages = try ekuOIDs.map { ExtendedKeyUsage.Usage(oid: try ASN1ObjectIdentifier(dotRepresentation: $0)) }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: Date(timeIntervalSince1970: TimeInterval(now - 86_400)),
            notValidAfter: Date(timeIntervalSince1970: TimeInterval(now + 86_400 * 365)),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { if !usages.isEmpty { try ExtendedKeyUsage(usages) } },
            issuerPrivateKey: .init(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return try DocumentSigner(derEncoded: serializer.serializedBytes, keyID: kid)
    }

    static func code(payload: CBOR, key: P256.Signing.PrivateKey, kid: [UInt8]) throws -> String {
        let claims = CWTClaims(issuer: "XX", issuedAt: now, expiresAt: now + 3600, healthCertificate: payload)
        return try HC1Codec().encode(cose: COSESign1.signES256(payload: claims.encoded(), key: key, keyID: kid).encoded())
    }

    static let vaccination = CBOR.map(pairs: [(.text("v"), .array([.map(pairs: [(.text("ci"), .text("URN:UVCI:01:XX:1"))])]))])
    static let test = CBOR.map(pairs: [(.text("t"), .array([.map(pairs: [(.text("ci"), .text("URN:UVCI:01:XX:2"))])]))])

    @Test("EU DCC §5.4.1: a signer restricted to test certificates may not sign a vaccination")
    func ekuRestricts() throws {
        let key = P256.Signing.PrivateKey()
        let signer = try Self.signer(key: key, ekuOIDs: ["1.3.6.1.4.1.1847.2021.1.1"])
        #expect(signer.allowedTypes == [.test])
        let verifier = HealthCodeVerifier(trustList: TrustList([signer]), clock: .fixed(Self.now + 1))
        #expect(throws: Never.self) { try verifier.verify(try Self.code(payload: Self.test, key: key, kid: signer.keyID)).get() }
        guard case .failure(let failure) = verifier.verify(try Self.code(payload: Self.vaccination, key: key, kid: signer.keyID)) else {
            Issue.record("vaccination accepted from a test-only signer"); return
        }
        #expect(failure.step == .keyUsage)
        #expect(failure.code == .keyUsage)
    }

    @Test("EU DCC §5.4.1: without DCC EKU OIDs a signer may sign every type; the 1.3.6.1.4.1.0.1847 variants count too")
    func ekuAbsent() throws {
        let key = P256.Signing.PrivateKey()
        #expect(try Self.signer(key: key, ekuOIDs: []).allowedTypes == nil)
        #expect(try Self.signer(key: key, ekuOIDs: ["1.3.6.1.4.1.0.1847.2021.1.3", "1.3.6.1.5.5.7.3.1"]).allowedTypes == [.recovery])
    }

    @Test("EU DCC §3.3.1: every certificate sharing a kid is tried until one verifies")
    func sharedKid() throws {
        let wrongKey = P256.Signing.PrivateKey()
        let rightKey = P256.Signing.PrivateKey()
        let kid: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let list = TrustList([try Self.signer(key: wrongKey, ekuOIDs: [], kid: kid), try Self.signer(key: rightKey, ekuOIDs: [], kid: kid)])
        #expect(list.signers(forKeyID: kid).count == 2)
        let verifier = HealthCodeVerifier(trustList: list, clock: .fixed(Self.now + 1))
        let verified = try verifier.verify(try Self.code(payload: Self.test, key: rightKey, kid: kid)).get()
        #expect(verified.signer.p256PublicKey?.rawRepresentation == rightKey.publicKey.rawRepresentation)
        // Signed by neither: the failure is the signature step.
        guard case .failure(let failure) = verifier.verify(try Self.code(payload: Self.test, key: P256.Signing.PrivateKey(), kid: kid)) else {
            Issue.record("foreign signature accepted"); return
        }
        #expect(failure.step == .signature)
    }

    @Test("EU DCC revocation: the UCI and country+UCI hashes of a DCC payload are checked")
    func dccRevocation() throws {
        let key = P256.Signing.PrivateKey()
        let signer = try Self.signer(key: key, ekuOIDs: [])
        var revoked = RevocationList()
        revoked.revoke(identifier: "URN:UVCI:01:XX:1")
        let verifier = HealthCodeVerifier(trustList: TrustList([signer]), revocationList: revoked, clock: .fixed(Self.now + 1))
        guard case .failure(let failure) = verifier.verify(try Self.code(payload: Self.vaccination, key: key, kid: signer.keyID)) else {
            Issue.record("revoked certificate accepted"); return
        }
        #expect(failure.step == .revocation)
        #expect(throws: Never.self) { try verifier.verify(try Self.code(payload: Self.test, key: key, kid: signer.keyID)).get() }
    }
}
