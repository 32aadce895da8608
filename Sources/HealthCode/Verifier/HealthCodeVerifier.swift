/// Verifies "HC1:" health codes offline against a trust list.
///
/// Steps, in order: size, prefix, Base45, zlib, COSE, CWT claims, key id
/// lookup (every certificate with the kid is tried), signature, validity
/// period (`notBefore ≤ iat ≤ now ≤ exp ≤ notAfter`), extended key usage and
/// revocation. The first step that fails is reported.
public struct HealthCodeVerifier: Sendable {
    /// The trusted document signers.
    public var trustList: TrustList
    /// Revoked code ids and signatures.
    public var revocationList: RevocationList
    /// The clock for the validity checks.
    public var clock: VerificationClock
    /// The transport decoder and its limits.
    public var codec: HC1Codec

    /// Creates a verifier.
    public init(trustList: TrustList, revocationList: RevocationList = RevocationList(), clock: VerificationClock = .system, codec: HC1Codec = HC1Codec()) {
        self.trustList = trustList
        self.revocationList = revocationList
        self.clock = clock
        self.codec = codec
    }

    /// Verifies an "HC1:" string.
    public func verify(_ text: String) -> Result<VerifiedHealthCode, VerificationFailure> {
        Result { () throws(VerificationFailure) in
            let (message, claims) = try codec.decode(text)
            return try verify(message: message, claims: claims)
        }
    }

    /// Verifies an already-decoded message and its claims.
    public func verify(message: COSESign1, claims: CWTClaims) throws(VerificationFailure) -> VerifiedHealthCode {
        guard let keyID = message.keyID else {
            throw VerificationFailure(.keyLookup, .malformedCOSE, "COSE_Sign1 carries no kid in either header; the issuer cannot be identified")
        }
        let candidates = trustList.signers(forKeyID: keyID)
        guard !candidates.isEmpty else {
            throw VerificationFailure(.keyLookup, .unknownKeyID, "no trusted document signer has kid \(Hex.encode(keyID)); update the trust list")
        }
        var firstFailure: VerificationFailure?
        for signer in candidates {
            do {
                try signer.verify(message)
            } catch {
                firstFailure = firstFailure ?? VerificationFailure(.signature, error)
                continue
            }
            do {
                try checkPolicy(message: message, claims: claims, signer: signer)
                return VerifiedHealthCode(message: message, claims: claims, signer: signer)
            } catch {
                // A later certificate with the same key may have a wider validity window.
                if firstFailure == nil || firstFailure?.step == .signature { firstFailure = error }
            }
        }
        throw firstFailure ?? VerificationFailure(.signature, .invalidSignature, "no document signer verified the message")
    }

    func checkPolicy(message: COSESign1, claims: CWTClaims, signer: DocumentSigner) throws(VerificationFailure) {
        guard let issuedAt = claims.issuedAt, let expiresAt = claims.expiresAt else {
            throw VerificationFailure(.claims, .malformedClaims, "CWT lacks iat (6) or exp (4); both are required")
        }
        let now = clock.now()
        let time = TimestampParser.iso8601
        let checks: [(Bool, HealthCodeError.Code, String)] = [
            (signer.notBefore <= issuedAt, .notYetValid, "issued at \(time(issuedAt)), before the signer certificate's notBefore \(time(signer.notBefore))"),
            (issuedAt <= now, .notYetValid, "issued at \(time(issuedAt)), after the verification time \(time(now)); check the device clock"),
            (now <= expiresAt, .expired, "expired at \(time(expiresAt)), before the verification time \(time(now))"),
            (expiresAt <= signer.notAfter, .expired, "expiry \(time(expiresAt)) outlives the signer certificate's notAfter \(time(signer.notAfter))"),
        ]
        for (ok, code, reason) in checks where !ok {
            throw VerificationFailure(.validityPeriod, code, reason)
        }
        if let allowed = signer.allowedTypes, let payload = claims.healthCertificate {
            let present = DCCCertificateType.types(in: payload)
            guard !present.isEmpty, present.isSubset(of: allowed) else {
                let names = present.map(\.rawValue).sorted().joined(separator: ",")
                throw VerificationFailure(.keyUsage, .keyUsage, "signer's extended key usage allows \(allowed.map(\.rawValue).sorted().joined(separator: ",")) but the payload holds [\(names)]")
            }
        }
        if revocationList.isRevoked(signature: message.signature) {
            throw VerificationFailure(.revocation, .revoked, "the code's signature hash is on the revocation list")
        }
        for identifier in Self.identifiers(in: claims) where revocationList.isRevoked(identifier: identifier) {
            throw VerificationFailure(.revocation, .revoked, "the code's identifier hash is on the revocation list")
        }
    }

    /// Identifiers to look up in the revocation list: pivault's code id and
    /// the DCC `ci` values with and without their country.
    static func identifiers(in claims: CWTClaims) -> [String] {
        guard let payload = claims.healthCertificate else { return [] }
        var ids: [String] = []
        if let codeID = payload[text: HealthCredential.Field.codeID]?.text { ids.append(codeID) }
        for type in DCCCertificateType.allCases {
            for entry in payload[text: type.rawValue]?.arrayElements ?? [] {
                guard let ci = entry[text: "ci"]?.text else { continue }
                ids.append(ci)
                if let co = entry[text: "co"]?.text { ids.append(co + ci) }
            }
        }
        return ids
    }
}
