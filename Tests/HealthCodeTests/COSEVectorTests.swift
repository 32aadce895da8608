import Crypto
import Foundation
import Testing
import HealthCode

@Suite("COSE_Sign1 vectors (RFC 9052, cose-wg Examples)", .enabled(if: TestData.isPresent))
struct COSEVectorTests {
    static func base64URL(_ text: String) -> [UInt8] {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Array(Data(base64Encoded: s)!)
    }

    /// The verification key of a cose-wg JWK-style key object.
    static func key(_ jwk: JSONValue) throws -> COSEVerificationKey {
        let x = jwk["x"]?.string.map(base64URL) ?? hex(jwk["x_hex"]!.string!)
        let y = jwk["y"]?.string.map(base64URL) ?? hex(jwk["y_hex"]!.string!)
        switch jwk["crv"]?.string {
        case "P-256": return .p256(try P256.Signing.PublicKey(rawRepresentation: x + y))
        case "P-384": return .p384(try P384.Signing.PublicKey(rawRepresentation: x + y))
        default: return .p521(try P521.Signing.PublicKey(rawRepresentation: x + y))
        }
    }

    static func verify(_ vector: JSONValue) throws {
        let sign0 = try #require(vector["input"]?["sign0"])
        let aad = sign0["external"]?.string.map(hex) ?? []
        let message = try COSESign1(decoding: hex(vector["output"]!["cbor"]!.string!))
        try message.verify(with: try key(sign0["key"]!), externalAAD: aad)
    }

    @Test("RFC 9052 §4.4: sign1-tests pass and fail as labelled", arguments: try TestData.files(in: "cose/sign1-tests"))
    func sign1(file: String) throws {
        let vector = try TestData.json(file)
        if vector["fail"]?.bool == true {
            #expect(throws: HealthCodeError.self, "\(file)") { try Self.verify(vector) }
        } else {
            try Self.verify(vector)
        }
    }

    @Test("RFC 9053 §2.1: ECDSA Sign1 examples verify; ES512 over a P-256 key is a key mismatch",
          arguments: ["ecdsa-sig-01", "ecdsa-sig-02", "ecdsa-sig-03", "ecdsa-sig-04"])
    func ecdsaSign1(name: String) throws {
        let vector = try TestData.json("cose/ecdsa-examples/\(name).json")
        if name == "ecdsa-sig-04" {
            let error = try #require(throws: HealthCodeError.self) { try Self.verify(vector) }
            #expect(error.code == .keyMismatch)
        } else {
            try Self.verify(vector)
        }
    }

    @Test("RFC 9052 §4.1: multi-signer COSE_Sign (tag 98) is not accepted as COSE_Sign1",
          arguments: ["ecdsa-01", "ecdsa-02", "ecdsa-03", "ecdsa-04"])
    func coseSignRefused(name: String) throws {
        let vector = try TestData.json("cose/ecdsa-examples/\(name).json")
        let error = try #require(throws: HealthCodeError.self) { try COSESign1(decoding: hex(vector["output"]!["cbor"]!.string!)) }
        #expect(error.code == .malformedCOSE)
    }

    @Test("RFC 8392 Appendix A.3: signed CWT verifies and its claims decode")
    func cwtSigned() throws {
        let vector = try TestData.json("cose/CWT/A_3.json")
        try Self.verify(vector)
        let message = try COSESign1(decoding: hex(vector["output"]!["cbor"]!.string!))
        let claims = try CWTClaims(decoding: message.payload)
        #expect(claims.issuer == "coap://as.example.com")
        #expect(claims.expiresAt == 1_444_064_944)
        #expect(claims.issuedAt == 1_443_944_944)
    }

    @Test("RFC 8392 Appendix A.4, A.5, A.7: MAC and encrypted CWTs are refused as Sign1; their claims decode",
          arguments: ["A_4", "A_5", "A_7"])
    func cwtOther(name: String) throws {
        let vector = try TestData.json("cose/CWT/\(name).json")
        #expect(throws: HealthCodeError.self) { try COSESign1(decoding: hex(vector["output"]!["cbor"]!.string!)) }
        let claims = try CWTClaims(decoding: hex(vector["input"]!["plaintext_hex"]!.string!))
        if name == "A_7" {
            // A.7 carries iat as a float NumericDate (1443944944.5).
            #expect(claims.issuedAt == 1_443_944_944)
        } else {
            #expect(claims.issuer == "coap://as.example.com")
        }
    }

    @Test("RFC 8392 Appendix A.6: the plaintext of a signed-then-encrypted CWT is the A.3 Sign1")
    func cwtNested() throws {
        let vector = try TestData.json("cose/CWT/A_6.json")
        let inner = try COSESign1(decoding: hex(vector["input"]!["plaintext_hex"]!.string!))
        #expect(try CWTClaims(decoding: inner.payload).issuer == "coap://as.example.com")
        let a3 = try TestData.json("cose/CWT/A_3.json")
        try inner.verify(with: try Self.key(a3["input"]!["sign0"]!["key"]!))
    }
}
