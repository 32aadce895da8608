import Crypto
import Testing
import HealthCode

@Suite("COSE_Sign1 behaviour (RFC 9052)")
struct COSETests {
    let key = P256.Signing.PrivateKey()
    let payload = CBOREncoder().encode(CWTClaims(issuer: "CN", issuedAt: 1, expiresAt: 2, healthCertificate: .map([])).cbor)

    @Test("RFC 9052 §4.4: ES256 sign then verify; kid and alg come from the protected header")
    func roundTrip() throws {
        let message = try COSESign1.signES256(payload: payload, key: key, keyID: [1, 2, 3, 4, 5, 6, 7, 8])
        let decoded = try COSESign1(decoding: message.encoded())
        #expect(decoded.keyID == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try decoded.algorithm() == .es256)
        try decoded.verify(with: .p256(key.publicKey))
    }

    @Test("RFC 9052 §4.4: the signature covers the original protected bytes, not a re-encoding")
    func originalProtectedBytes() throws {
        let signed = try COSESign1.signES256(payload: payload, key: key, keyID: nil)
        // Same header map {1: -7} written with a non-shortest integer head (0x3800 instead of 0x26).
        var message = signed
        message.protectedBytes = [0xa1, 0x01, 0x38, 0x06]
        #expect(throws: HealthCodeError.self) { try message.verify(with: .p256(key.publicKey)) }
        let reparsed = try COSESign1(decoding: signed.encoded())
        #expect(reparsed.protectedBytes == signed.protectedBytes)
        try reparsed.verify(with: .p256(key.publicKey))
    }

    @Test("RFC 8392 §6: tag 61 around tag 18 and untagged messages are accepted; other tags are not")
    func tags() throws {
        let tagged = try COSESign1.signES256(payload: payload, key: key, keyID: [9]).encoded()
        let cwt = [0xd8, 0x3d] + tagged
        let untagged = Array(tagged.dropFirst())
        for bytes in [tagged, cwt, untagged] {
            try COSESign1(decoding: bytes).verify(with: .p256(key.publicKey))
        }
        #expect(throws: HealthCodeError.self) { try COSESign1(decoding: [0xd1] + untagged) }
    }

    @Test("RFC 9052 §8.1: kid falls back to the unprotected header")
    func unprotectedKid() throws {
        var message = try COSESign1.signES256(payload: payload, key: key, keyID: nil)
        message.unprotectedHeader = .map(pairs: [(.int(4), .bytes([7, 7]))])
        #expect(try COSESign1(decoding: message.encoded()).keyID == [7, 7])
    }

    @Test("RFC 9053 §2: PS256 against an EC key and unknown algorithms are refused")
    func algorithmMismatch() throws {
        let signed = try COSESign1.signES256(payload: payload, key: key, keyID: nil)
        let ps256Header = CBOREncoder().encode(.map(pairs: [(.int(1), .int(-37))]))
        var message = signed
        message.protectedBytes = ps256Header
        message.protectedHeader = try CBORDecoder().decode(ps256Header)
        let mismatch = try #require(throws: HealthCodeError.self) { try message.verify(with: .p256(key.publicKey)) }
        #expect(mismatch.code == .keyMismatch)
        let otherHeader = CBOREncoder().encode(.map(pairs: [(.int(1), .int(-999))]))
        message.protectedBytes = otherHeader
        message.protectedHeader = try CBORDecoder().decode(otherHeader)
        let unknown = try #require(throws: HealthCodeError.self) { try message.verify(with: .p256(key.publicKey)) }
        #expect(unknown.code == .unsupportedAlgorithm)
    }

    @Test("DCC CO24: an over-long ECDSA signature is refused without a crash")
    func longSignature() throws {
        var message = try COSESign1.signES256(payload: payload, key: key, keyID: nil)
        message.signature += [UInt8](repeating: 1, count: 10)
        let error = try #require(throws: HealthCodeError.self) { try message.verify(with: .p256(key.publicKey)) }
        #expect(error.code == .invalidSignature)
    }

    @Test("RFC 8392 §2: NumericDate may be an integer or a float")
    func floatDates() throws {
        let claims = try CWTClaims(.map(pairs: [(.int(6), .float(1_600_000_000.75)), (.int(4), .int(1_700_000_000))]))
        #expect(claims.issuedAt == 1_600_000_000)
        #expect(claims.expiresAt == 1_700_000_000)
        #expect(throws: HealthCodeError.self) { try CWTClaims(.map(pairs: [(.int(4), .text("tomorrow"))])) }
        #expect(throws: HealthCodeError.self) { try CWTClaims(.array([])) }
    }

    @Test("RFC 9052 §3: a header repeating a label is malformed; RFC 8392: so are repeated claims")
    func duplicateLabels() throws {
        var message = try COSESign1.signES256(payload: payload, key: key, keyID: nil)
        message.unprotectedHeader = .map(pairs: [(.int(4), .bytes([1])), (.int(4), .bytes([2]))])
        let error = try #require(throws: HealthCodeError.self) { try COSESign1(decoding: message.encoded()) }
        #expect(error.code == .malformedCOSE)
        let claims = CBOR.map(pairs: [(.int(1), .text("A")), (.int(1), .text("B"))])
        #expect(throws: HealthCodeError.self) { try CWTClaims(claims) }
    }
}
