extension HealthCodeVerifier {
    /// Verifies an "HC1:" string and reads pivault's credential from it.
    ///
    /// Besides the generic checks, the payload must be a pivault credential
    /// whose window agrees with the CWT claims; a failure names step `.payload`.
    public func verifyCredential(_ text: String) -> Result<HealthCredential, VerificationFailure> {
        verify(text).flatMap { verified in
            guard let payload = verified.claims.healthCertificate else {
                return .failure(VerificationFailure(.payload, .malformedPayload, "the code carries no hcert payload"))
            }
            do {
                let credential = try HealthCredential(payload)
                guard credential.validFrom == verified.claims.issuedAt, credential.validUntil == verified.claims.expiresAt,
                    credential.issuer == verified.claims.issuer
                else {
                    return .failure(VerificationFailure(.payload, .malformedPayload, "payload validity or issuer disagrees with the signed CWT claims"))
                }
                return .success(credential)
            } catch {
                return .failure(VerificationFailure(.payload, error))
            }
        }
    }
}
