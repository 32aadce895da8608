/// An error raised by the transparency log: malformed input, a proof or
/// signature that does not verify, or a storage fault.
///
/// The message says what did not match and what to do. It only ever carries
/// sizes, indices, node coordinates, key names and hashes — never entry data —
/// so it can be logged or shown to anyone.
public struct LogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidHash, invalidArgument, invalidProof, rootMismatch, sizeMismatch
            case malformedNote, malformedCheckpoint, malformedKey, invalidSignature, unverifiedNote
            case originMismatch, malformedTilePath, malformedProofFile, storageConflict, missingNode
            case integrityViolation, io
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A hash is not 32 bytes or not valid base64.
        public static let invalidHash = Code(.invalidHash)
        /// An index, size or range is outside what the tree holds.
        public static let invalidArgument = Code(.invalidArgument)
        /// A proof has the wrong shape for its sizes (RFC 9162 §2.1.3.2, §2.1.4.2).
        public static let invalidProof = Code(.invalidProof)
        /// A root recomputed from a proof differs from the expected root.
        public static let rootMismatch = Code(.rootMismatch)
        /// A tree size in one document differs from the size in another.
        public static let sizeMismatch = Code(.sizeMismatch)
        /// The bytes are not a well-formed C2SP signed note.
        public static let malformedNote = Code(.malformedNote)
        /// The note text is not a well-formed C2SP tlog-checkpoint.
        public static let malformedCheckpoint = Code(.malformedCheckpoint)
        /// A signer or verifier key is not in the C2SP text form.
        public static let malformedKey = Code(.malformedKey)
        /// A signature by a known key does not verify over the note text.
        public static let invalidSignature = Code(.invalidSignature)
        /// The note carries no valid signature from any known key.
        public static let unverifiedNote = Code(.unverifiedNote)
        /// Two checkpoints name different logs.
        public static let originMismatch = Code(.originMismatch)
        /// A path is not a C2SP tlog-tiles tile path.
        public static let malformedTilePath = Code(.malformedTilePath)
        /// A proof file is not in the documented JSON layout.
        public static let malformedProofFile = Code(.malformedProofFile)
        /// An append did not start at the storage's current leaf count.
        public static let storageConflict = Code(.storageConflict)
        /// The storage lacks a hash the tree needs.
        public static let missingNode = Code(.missingNode)
        /// A stored hash differs from the hash recomputed from its inputs.
        public static let integrityViolation = Code(.integrityViolation)
        /// A file could not be read.
        public static let io = Code(.io)

        /// The stable name of the code.
        public var description: String { base.rawValue }
    }

    /// The category of the error.
    public var code: Code
    /// What did not match or was malformed, and what to do about it.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - message: What went wrong and what to do; never entry data.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
