/// An error raised by any layer of the health-code pipeline.
///
/// The message says what was wrong and what to do about it. It never carries
/// a decoded personal value — only field paths, key ids, lengths and hashes —
/// so errors can be logged at a checkpoint without leaking the holder's data.
public struct HealthCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case malformedCBOR, limitExceeded, invalidBase45, invalidCompression
            case invalidPrefix, malformedCOSE, unsupportedAlgorithm, keyMismatch
            case invalidSignature, malformedClaims, malformedPayload, invalidCertificate
            case invalidInput, io, unknownKeyID, notYetValid, expired, keyUsage, revoked
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes are not well-formed CBOR (RFC 8949).
        public static let malformedCBOR = Code(.malformedCBOR)
        /// A size, depth or length limit was exceeded.
        public static let limitExceeded = Code(.limitExceeded)
        /// The text is not valid Base45 (RFC 9285).
        public static let invalidBase45 = Code(.invalidBase45)
        /// The data is not a valid zlib stream (RFC 1950).
        public static let invalidCompression = Code(.invalidCompression)
        /// The context prefix (e.g. `HC1:`) is missing or unsupported.
        public static let invalidPrefix = Code(.invalidPrefix)
        /// The structure is not a COSE_Sign1 message (RFC 9052).
        public static let malformedCOSE = Code(.malformedCOSE)
        /// The COSE algorithm is not supported.
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// The algorithm does not match the type of the key.
        public static let keyMismatch = Code(.keyMismatch)
        /// The signature does not verify.
        public static let invalidSignature = Code(.invalidSignature)
        /// The CWT claims set is malformed (RFC 8392).
        public static let malformedClaims = Code(.malformedClaims)
        /// No trusted document signer has the message's key id.
        public static let unknownKeyID = Code(.unknownKeyID)
        /// The code or its signer is not valid yet at the verification time.
        public static let notYetValid = Code(.notYetValid)
        /// The code or its signer has expired at the verification time.
        public static let expired = Code(.expired)
        /// The signer's extended key usage does not cover the payload type.
        public static let keyUsage = Code(.keyUsage)
        /// The code is on the revocation list.
        public static let revoked = Code(.revoked)
        /// The credential payload is malformed.
        public static let malformedPayload = Code(.malformedPayload)
        /// A certificate or key could not be read or is unusable.
        public static let invalidCertificate = Code(.invalidCertificate)
        /// An argument or file content is invalid.
        public static let invalidInput = Code(.invalidInput)
        /// A file could not be read or written.
        public static let io = Code(.io)

        /// The stable name of the code.
        public var description: String { base.rawValue }
    }

    /// The error category.
    public var code: Code
    /// What was wrong and what to do; never contains a personal value.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
