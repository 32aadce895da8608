import Crypto
import Testing
import HealthCode

@Suite("pivault health credential: issue, verify, revoke")
struct CredentialTests {
    static let now: Int64 = 1_800_000_000
    let issuer = try! HealthCodeIssuer.generate(name: "Shanghai Health Commission", now: CredentialTests.now - 86_400)

    func verifier(at time: Int64 = CredentialTests.now + 60, revoked: RevocationList = RevocationList()) -> HealthCodeVerifier {
        HealthCodeVerifier(trustList: TrustList([issuer.signer]), revocationList: revoked, clock: .fixed(time))
    }

    @Test("issue then verify returns status, window and issuer")
    func roundTrip() throws {
        let code = try issuer.issue(status: .yellow, now: Self.now, validFor: 24 * 3600)
        #expect(code.text.hasPrefix("HC1:"))
        let credential = try verifier().verifyCredential(code.text).get()
        #expect(credential == code.credential)
        #expect(credential.status == .yellow)
        #expect(credential.validUntil - credential.validFrom == 24 * 3600)
        #expect(credential.issuer == "Shanghai Health Commission")
    }

    @Test("PIPL Art. 6: the payload holds only code id, status, window and issuer")
    func minimalPayload() throws {
        let code = try issuer.issue(status: .green, now: Self.now, validFor: 3600)
        let (_, claims) = try HC1Codec().decode(code.text)
        let keys = Set(claims.healthCertificate?.mapEntries?.compactMap { $0.key.text } ?? [])
        #expect(keys == HealthCredential.Field.all)
        // A payload carrying an identity field is refused on reading.
        var entries = code.credential.cbor.mapEntries!
        entries.append(CBORPair(.text("nam"), .text("x")))
        let error = try #require(throws: HealthCodeError.self) { try HealthCredential(.map(entries)) }
        #expect(error.code == .malformedPayload)
    }

    @Test("codes are refused before issue time and after expiry, naming the validity step")
    func timeWindow() throws {
        let code = try issuer.issue(status: .green, now: Self.now, validFor: 3600)
        let early = try #require(verifier(at: Self.now - 1).verify(code.text).failure)
        #expect(early.step == .validityPeriod && early.code == .notYetValid)
        let late = try #require(verifier(at: Self.now + 3601).verify(code.text).failure)
        #expect(late.step == .validityPeriod && late.code == .expired)
    }

    @Test("revoking a code id or a signature makes verification fail at the revocation step")
    func revocation() throws {
        let code = try issuer.issue(status: .red, now: Self.now, validFor: 3600)
        var byID = RevocationList()
        byID.revoke(code.credential.codeID)
        #expect(byID.isRevoked(code.credential.codeID))
        #expect(verifier(revoked: byID).verify(code.text).failure?.step == .revocation)
        let (message, _) = try HC1Codec().decode(code.text)
        var bySignature = RevocationList()
        bySignature.revoke(signature: message.signature)
        #expect(verifier(revoked: bySignature).verify(code.text).failure?.step == .revocation)
        // The list round-trips through its text form and holds only hashes.
        let text = byID.textEncoded()
        #expect(!text.contains(code.credential.codeID.rawValue))
        #expect(try RevocationList(textEncoded: text) == byID)
        #expect(throws: HealthCodeError.self) { try RevocationList(textEncoded: "zz\n") }
    }

    @Test("unknown kid fails at key lookup; a second certificate with the same kid is tried")
    func keyLookup() throws {
        let other = try HealthCodeIssuer.generate(name: "Other", now: Self.now - 86_400)
        let code = try issuer.issue(status: .green, now: Self.now, validFor: 3600)
        let unknown = HealthCodeVerifier(trustList: TrustList([other.signer]), clock: .fixed(Self.now + 1))
        #expect(unknown.verify(code.text).failure?.step == .keyLookup)
        #expect(unknown.verify(code.text).failure?.code == .unknownKeyID)
        // Forge a message whose kid names the real signer but whose key is another's.
        let forged = try COSESign1.signES256(payload: code.credential.claims.encoded(), key: other.signingKey, keyID: issuer.signer.keyID)
        let text = try HC1Codec().encode(cose: forged.encoded())
        #expect(verifier().verify(text).failure?.step == .signature)
    }

    @Test("EU DCC §3: any claims set signs into an HC1 string that decodes back to the same claims")
    func genericEncode() throws {
        let payload = CBOR.map(pairs: [(.text("ver"), .text("1.3.0")), (.text("t"), .array([.map(pairs: [(.text("ci"), .text("URN:UVCI:01:XX:9"))])]))])
        let claims = CWTClaims(issuer: "XX", issuedAt: Self.now, expiresAt: Self.now + 60, healthCertificate: payload)
        let text = try issuer.encode(claims: claims)
        let verified = try verifier().verify(text).get()
        #expect(verified.claims.encoded() == claims.encoded())
        // It is not a pivault credential, so the credential view refuses it at the payload step.
        #expect(verifier().verifyCredential(text).failure?.step == .payload)
    }

    @Test("trust list and issuer files round-trip through PEM")
    func files() throws {
        let list = try TrustList(pemEncoded: TrustList([issuer.signer]).pemEncoded())
        #expect(list.signers == [issuer.signer])
        let reloaded = try HealthCodeIssuer(privateKeyPEM: issuer.privateKeyPEM, certificatePEM: issuer.certificatePEM)
        #expect(reloaded.name == issuer.name)
        #expect(reloaded.signer.keyID == issuer.signer.keyID)
        #expect(throws: HealthCodeError.self) { try TrustList(pemEncoded: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }
        let mismatched = try HealthCodeIssuer.generate(name: "X", now: Self.now)
        #expect(throws: HealthCodeError.self) { try HealthCodeIssuer(name: "X", signingKey: mismatched.signingKey, signer: issuer.signer) }
    }

    @Test("a code never outlives its document-signer certificate")
    func clampedValidity() throws {
        let code = try issuer.issue(status: .green, now: Self.now, validFor: 10 * 365 * 86_400)
        #expect(code.credential.validUntil == issuer.signer.notAfter)
        let huge = try issuer.issue(status: .green, now: Self.now, validFor: .max)
        #expect(huge.credential.validUntil == issuer.signer.notAfter)
        #expect(throws: HealthCodeError.self) { try issuer.issue(status: .green, now: Self.now, validFor: 0) }
        #expect(throws: HealthCodeError.self) { try HealthCodeIssuer.generate(name: "X", now: Self.now, validity: .max) }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
