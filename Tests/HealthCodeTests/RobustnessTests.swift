import Testing
import HealthCode

@Suite("Bad input: every failure names its step, nothing crashes")
struct RobustnessTests {
    static let now: Int64 = 1_800_000_000
    let issuer = try! HealthCodeIssuer.generate(name: "Issuer", now: RobustnessTests.now - 86_400)
    var verifier: HealthCodeVerifier { HealthCodeVerifier(trustList: TrustList([issuer.signer]), clock: .fixed(Self.now + 1)) }

    func step(_ text: String) -> VerificationStep? {
        if case .failure(let failure) = verifier.verify(text) { return failure.step }
        return nil
    }

    @Test("truncated, oversized, wrongly prefixed and non-Base45 input")
    func transport() throws {
        let good = try issuer.issue(status: .green, now: Self.now, validFor: 3600).text
        #expect(step(good) == nil)
        #expect(step(String(good.dropLast(10))) != nil)
        #expect(step("HC1:" + String(repeating: "A", count: 9000)) == .size)
        #expect(step("HC2:" + good.dropFirst(4)) == .prefix)
        #expect(step(String(good.dropFirst(4))) == .prefix)
        #expect(step("HC1:abc") == .base45)
        #expect(step("HC1:A") == .base45)
    }

    @Test("wrong compression and malformed CBOR/COSE/CWT")
    func structure() throws {
        let claims = CWTClaims(issuer: "I", issuedAt: Self.now, expiresAt: Self.now + 10, healthCertificate: .map([])).encoded()
        let message = try COSESign1.signES256(payload: claims, key: issuer.signingKey, keyID: issuer.signer.keyID)
        // EU DCC Z2: the COSE message without zlib.
        #expect(step("HC1:" + Base45.encode(message.encoded())) == .decompression)
        #expect(step("HC1:" + Base45.encode(try Zlib.compress([0xff, 0x00]))) == .cose)
        #expect(step("HC1:" + Base45.encode(try Zlib.compress([0x83, 0x40, 0xa0, 0x40]))) == .cose)
        var badPayload = message
        badPayload.payload = [0x01]
        #expect(step(try HC1Codec().encode(cose: badPayload.encoded())) == .claims)
        // Legacy producers without zlib are readable only when explicitly allowed.
        let lenient = HealthCodeVerifier(trustList: TrustList([issuer.signer]), clock: .fixed(Self.now + 1), codec: HC1Codec(requiresCompression: false))
        if case .failure(let failure) = lenient.verify("HC1:" + Base45.encode(message.encoded())) {
            Issue.record("uncompressed input refused in lenient mode: \(failure)")
        }
    }

    @Test("wrong algorithm in the protected header fails at the signature step")
    func wrongAlgorithm() throws {
        let claims = CWTClaims(issuer: "I", issuedAt: Self.now, expiresAt: Self.now + 10, healthCertificate: .map([])).encoded()
        var message = try COSESign1.signES256(payload: claims, key: issuer.signingKey, keyID: issuer.signer.keyID)
        let header = CBOR.map(pairs: [(.int(1), .int(-37)), (.int(4), .bytes(issuer.signer.keyID))])
        message.protectedHeader = header
        message.protectedBytes = CBOREncoder().encode(header)
        guard case .failure(let failure) = verifier.verify(try HC1Codec().encode(cose: message.encoded())) else {
            Issue.record("wrong algorithm accepted"); return
        }
        #expect(failure.step == .signature)
        #expect(failure.code == .keyMismatch)
    }

    @Test("missing iat/exp fails at the claims step")
    func missingDates() throws {
        let claims = CWTClaims(issuer: "I", issuedAt: nil, expiresAt: nil, healthCertificate: .map([])).encoded()
        let message = try COSESign1.signES256(payload: claims, key: issuer.signingKey, keyID: issuer.signer.keyID)
        #expect(step(try HC1Codec().encode(cose: message.encoded())) == .claims)
    }
}
