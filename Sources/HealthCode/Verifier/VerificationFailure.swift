/// The step of verification at which a health code was refused.
public enum VerificationStep: String, Sendable, Hashable, CaseIterable {
    /// The input exceeds a size limit.
    case size
    /// The "HC1:" context prefix.
    case prefix
    /// Base45 decoding.
    case base45
    /// zlib decompression.
    case decompression
    /// COSE_Sign1 structure.
    case cose
    /// CWT claims.
    case claims
    /// Finding the document signer by key id.
    case keyLookup
    /// The signature check.
    case signature
    /// Issued-at, expiry and certificate validity against the clock.
    case validityPeriod
    /// Extended-key-usage of the document signer.
    case keyUsage
    /// The revocation list.
    case revocation
    /// The credential payload.
    case payload
}

/// Why verification failed: the step, a stable code and an explanation.
///
/// Like ``HealthCodeError`` the message never quotes decoded personal data.
public struct VerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that failed.
    public var step: VerificationStep
    /// The error category.
    public var code: HealthCodeError.Code
    /// What was wrong and what to do.
    public var message: String

    /// Creates a failure.
    public init(_ step: VerificationStep, _ code: HealthCodeError.Code, _ message: String) {
        self.step = step
        self.code = code
        self.message = message
    }

    /// Wraps a lower-level error as a failure at `step`.
    public init(_ step: VerificationStep, _ error: any Error) {
        if let error = error as? HealthCodeError {
            self.init(step, error.code, error.message)
        } else {
            self.init(step, .invalidInput, "\(error)")
        }
    }

    /// `step: code: message`.
    public var description: String { "\(step.rawValue): \(code): \(message)" }
}
