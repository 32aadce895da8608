/// Decides, for one vector and one flag, whether the step succeeds.
///
/// Inputs a vector omits are derived from the layer above where possible
/// (for example `COSE` from `PREFIX`), so a vector with only a prefix and a
/// flag still gets tested end to end.
struct ConformanceEvaluator {
    let vector: ConformanceVector
    let codec = HC1Codec()

    /// The step's outcome: `nil` when the vector lacks the inputs; otherwise
    /// success or the reason it failed.
    func evaluate(_ flag: ConformanceFlag) -> Result<Void, Reason>? {
        switch flag {
        case .unprefix: unprefix()
        case .base45Decode: base45Decode()
        case .compression: compression()
        case .decode: decode()
        case .validJSON: validJSON()
        case .encode: encode()
        case .verify: verify()
        case .expirationCheck: expirationCheck()
        case .keyUsage: keyUsage()
        case .pictureDecode, .schemaValidation, .validObject: nil
        }
    }

    struct Reason: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
        init(_ error: any Error) { description = "\(error)" }
    }

    // MARK: Inputs, derived upward when absent

    var base45Text: String? {
        if let base45 = vector.base45 { return base45 }
        guard let prefix = vector.prefix, let body = try? codec.unprefix(prefix) else { return nil }
        return String(body)
    }

    var compressedBytes: [UInt8]? {
        if let hex = vector.compressed { return Hex.decode(hex) }
        return base45Text.flatMap { try? Base45.decode($0) }
    }

    var coseBytes: [UInt8]? {
        if let hex = vector.cose { return Hex.decode(hex) }
        return compressedBytes.flatMap { try? codec.inflate($0) }
    }

    func message() -> Result<(COSESign1, CWTClaims), Reason>? {
        guard let bytes = coseBytes else { return nil }
        do {
            let decoded = try codec.decode(cose: bytes)
            return .success(decoded)
        } catch {
            return .failure(Reason(error))
        }
    }

    func signer() -> Result<DocumentSigner, Reason>? {
        guard let der = vector.certificate else { return nil }
        do { return .success(try DocumentSigner(derEncoded: der)) } catch { return .failure(Reason(error)) }
    }

    /// The health-certificate payload of a decoded claims set.
    static func payload(_ claims: CWTClaims) -> Result<CBOR, Reason> {
        guard let payload = claims.healthCertificate else { return .failure(Reason("CWT has no hcert (-260) {1: …} payload")) }
        return .success(payload)
    }

    /// The `CBOR` field decoded, unwrapped to the payload when it holds a whole claims set.
    func cborField() -> Result<CBOR, Reason>? {
        guard let hex = vector.cbor else { return nil }
        guard let bytes = Hex.decode(hex) else { return .failure(Reason("CBOR field is not hex")) }
        do {
            let item = try CBORDecoder().decode(bytes)
            if let inner = item[int: CWTClaims.Key.healthCertificate]?[int: 1] { return .success(inner) }
            return .success(item)
        } catch {
            return .failure(Reason(error))
        }
    }

    // MARK: Steps

    func unprefix() -> Result<Void, Reason>? {
        guard let prefix = vector.prefix else { return nil }
        do {
            let body = try codec.unprefix(prefix)
            if let base45 = vector.base45, body != base45[...] {
                return .failure(Reason("PREFIX without \(HC1Codec.prefix) differs from BASE45"))
            }
            return .success(())
        } catch {
            return .failure(Reason(error))
        }
    }

    func base45Decode() -> Result<Void, Reason>? {
        guard let text = base45Text else { return nil }
        do {
            let bytes = try Base45.decode(text)
            if let hex = vector.compressed, Hex.decode(hex) != bytes {
                return .failure(Reason("BASE45 decodes to bytes that differ from COMPRESSED"))
            }
            return .success(())
        } catch {
            return .failure(Reason(error))
        }
    }

    func compression() -> Result<Void, Reason>? {
        guard let compressed = compressedBytes else { return nil }
        do {
            let inflated = try codec.inflate(compressed)
            if let hex = vector.cose, Hex.decode(hex) != inflated {
                return .failure(Reason("COMPRESSED inflates to bytes that differ from COSE"))
            }
            return .success(())
        } catch {
            return .failure(Reason(error))
        }
    }

    func decode() -> Result<Void, Reason>? {
        guard let decoded = message() else { return nil }
        return decoded.flatMap { _, claims in Self.payload(claims) }.flatMap { payload in
            if let json = vector.json, !payload.matches(json) {
                return .failure(Reason("payload in COSE does not match JSON"))
            }
            if case .success(let cbor)? = cborField(), cbor != payload, !Self.sameContent(cbor, payload) {
                return .failure(Reason("payload in COSE does not match CBOR"))
            }
            if case .failure(let reason)? = cborField() { return .failure(reason) }
            return .success(())
        }
    }

    /// Map order is not significant (README note 2): compare deterministic encodings.
    static func sameContent(_ a: CBOR, _ b: CBOR) -> Bool {
        CBOREncoder().encode(a) == CBOREncoder().encode(b)
    }

    func validJSON() -> Result<Void, Reason>? {
        let fromChain: Result<CBOR, Reason>?
        if let prefix = vector.prefix {
            do {
                let (_, claims) = try codec.decode(prefix)
                fromChain = Self.payload(claims)
            } catch {
                fromChain = .failure(Reason(error))
            }
        } else {
            fromChain = cborField()
        }
        guard let fromChain else { return nil }
        return fromChain.flatMap { payload in
            guard let json = vector.json else { return .success(()) }
            return payload.matches(json) ? .success(()) : .failure(Reason("decoded payload does not match JSON"))
        }
    }

    func encode() -> Result<Void, Reason>? {
        guard let json = vector.json, let cbor = cborField() else { return nil }
        return cbor.flatMap { $0.matches(json) ? .success(()) : .failure(Reason("JSON does not encode to the content of CBOR")) }
    }

    func verify() -> Result<Void, Reason>? {
        guard let decoded = message(), let signer = signer() else { return nil }
        return decoded.flatMap { message, _ in
            signer.flatMap { signer in
                guard let kid = message.keyID else { return .failure(Reason("COSE carries no kid")) }
                guard kid == signer.keyID else {
                    return .failure(Reason("kid \(Hex.encode(kid)) is not the certificate's \(Hex.encode(signer.keyID))"))
                }
                do {
                    try signer.verify(message)
                    return .success(())
                } catch {
                    return .failure(Reason(error))
                }
            }
        }
    }

    func expirationCheck() -> Result<Void, Reason>? {
        guard let decoded = message(), let signer = signer() else { return nil }
        if let unreadable = vector.unreadableClock { return .failure(Reason("VALIDATIONCLOCK \"\(unreadable)\" is not a recognised timestamp")) }
        let clock = vector.clock ?? Double(VerificationClock.system.now())
        return decoded.flatMap { _, claims in
            signer.flatMap { signer in
                guard let iat = claims.issuedAt.map(Double.init), let exp = claims.expiresAt.map(Double.init) else {
                    return .failure(Reason("CWT lacks iat or exp"))
                }
                if Double(signer.notBefore) > iat { return .failure(Reason("iat precedes the certificate's notBefore")) }
                if iat > clock { return .failure(Reason("validation clock precedes iat")) }
                if clock > exp { return .failure(Reason("validation clock is after exp")) }
                if exp > Double(signer.notAfter) { return .failure(Reason("exp is after the certificate's notAfter")) }
                return .success(())
            }
        }
    }

    func keyUsage() -> Result<Void, Reason>? {
        guard let decoded = message(), let signer = signer() else { return nil }
        return decoded.flatMap { _, claims in Self.payload(claims) }.flatMap { payload in
            signer.flatMap { signer in
                let types = DCCCertificateType.types(in: payload)
                guard types.count == 1, let type = types.first else {
                    return .failure(Reason("payload holds \(types.count) certificate types; exactly one of v, t, r is required"))
                }
                if let allowed = signer.allowedTypes, !allowed.contains(type) {
                    return .failure(Reason("certificate's extended key usage does not allow type \(type.rawValue)"))
                }
                return .success(())
            }
        }
    }
}
