/// A checkpoint read from a signed note whose signature by a known key verified.
public struct SignedCheckpoint: Sendable, Hashable {
    /// The checkpoint.
    public var checkpoint: Checkpoint
    /// The note it came from, with the verification result.
    public var note: VerifiedNote

    /// Verifies a signed note and parses its text as a checkpoint.
    ///
    /// - Parameters:
    ///   - bytes: The serialized signed note.
    ///   - verifiers: The log's keys.
    ///   - origin: When given, the checkpoint must name this log.
    /// - Throws: ``LogError`` from note parsing, signature verification or checkpoint parsing,
    ///   or ``LogError/Code/originMismatch``.
    public init(verifying bytes: [UInt8], with verifiers: [NoteVerifier], origin: String? = nil) throws {
        let note = try SignedNote(parsing: bytes).verify(with: verifiers)
        let checkpoint = try Checkpoint(parsing: note.text)
        if let origin, checkpoint.origin != origin {
            throw LogError(.originMismatch, "checkpoint is for log \"\(checkpoint.origin)\", not the expected \"\(origin)\"")
        }
        self.checkpoint = checkpoint
        self.note = note
    }

    /// Signs a checkpoint: the serialized signed note a log publishes at `/log/checkpoint`.
    public static func sign(_ checkpoint: Checkpoint, with signers: [NoteSigner]) throws -> String {
        try SignedNote(signing: checkpoint.text, with: signers).serialized
    }
}
