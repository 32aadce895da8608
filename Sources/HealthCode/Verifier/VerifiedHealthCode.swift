/// A health code whose signature, time window, key usage and revocation
/// status all checked out.
public struct VerifiedHealthCode: Sendable {
    /// The COSE message.
    public var message: COSESign1
    /// The CWT claims.
    public var claims: CWTClaims
    /// The document signer whose key verified the signature.
    public var signer: DocumentSigner
}
