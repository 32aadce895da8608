import Crypto

extension COSESign1 {
    /// Signs `payload` with ES256 (RFC 9052 §4.4, RFC 9053 §2.1).
    ///
    /// `alg` and, when given, `kid` go in the protected header so that both
    /// are covered by the signature, as the EU DCC specification asks.
    public static func signES256(
        payload: [UInt8],
        key: P256.Signing.PrivateKey,
        keyID: [UInt8]?,
        externalAAD: [UInt8] = []
    ) throws -> COSESign1 {
        var header: [(CBOR, CBOR)] = [(.int(COSEHeaderLabel.algorithm), .int(COSEAlgorithm.es256.identifier))]
        if let keyID { header.append((.int(COSEHeaderLabel.keyID), .bytes(keyID))) }
        let protectedHeader = CBOR.map(pairs: header)
        let protectedBytes = CBOREncoder().encode(protectedHeader)
        let toBeSigned = sigStructure(protectedBytes: protectedBytes, externalAAD: externalAAD, payload: payload)
        let signature: P256.Signing.ECDSASignature
        do {
            signature = try key.signature(for: SHA256.hash(data: toBeSigned))
        } catch {
            throw HealthCodeError(.invalidSignature, "ES256 signing failed (\(error)); check the issuer key")
        }
        return COSESign1(
            protectedBytes: protectedBytes, protectedHeader: protectedHeader,
            unprotectedHeader: .map([]), payload: payload, signature: Array(signature.rawRepresentation))
    }
}
