/// Keeps the log's latest signed checkpoint — what `/log/checkpoint` serves —
/// and signs a new one only when the tree has grown.
public actor CheckpointPublisher<Storage: MerkleStorage> {
    /// A checkpoint and its serialized signed note.
    public struct Published: Sendable, Hashable {
        /// The checkpoint.
        public var checkpoint: Checkpoint
        /// The C2SP signed note to serve.
        public var note: String
    }

    private let log: MerkleLog<Storage>
    private let origin: String
    private let signers: [NoteSigner]
    /// The most recent checkpoint, or `nil` before the first publication.
    public private(set) var latest: Published?

    /// Creates a publisher.
    ///
    /// - Parameters:
    ///   - log: The log to publish.
    ///   - origin: The checkpoint origin line (by convention the signer key name).
    ///   - signers: The keys that sign each checkpoint.
    ///   - restoring: A previously published signed note, so a restarted server keeps serving it.
    /// - Throws: ``LogError`` when `restoring` is not a checkpoint signed by `signers` for `origin`.
    public init(log: MerkleLog<Storage>, origin: String, signers: [NoteSigner], restoring note: String? = nil) throws {
        self.log = log
        self.origin = origin
        self.signers = signers
        if let note {
            let verified = try SignedCheckpoint(verifying: Array(note.utf8), with: signers.map(\.verifier), origin: origin)
            latest = Published(checkpoint: verified.checkpoint, note: note)
        }
    }

    /// Integrates pending leaves, then signs a checkpoint if there is none yet or the tree grew.
    ///
    /// - Returns: The new checkpoint, or `nil` when the tree did not grow.
    @discardableResult
    public func publishIfGrown() async throws -> Published? {
        try await log.integrate()
        let checkpoint = try await log.checkpoint(origin: origin)
        if let latest, latest.checkpoint.size >= checkpoint.size { return nil }
        let published = Published(checkpoint: checkpoint, note: try SignedCheckpoint.sign(checkpoint, with: signers))
        latest = published
        return published
    }

    /// Publishes every `interval` until the task is cancelled.
    ///
    /// - Parameter onPublish: Called with each new checkpoint (e.g. to persist the note).
    public func run<C: Clock>(
        every interval: C.Duration, clock: C, onPublish: @Sendable (Published) async throws -> Void = { _ in }
    ) async throws {
        while !Task.isCancelled {
            if let published = try await publishIfGrown() { try await onPublish(published) }
            do {
                try await clock.sleep(for: interval)
            } catch is CancellationError {
                return
            }
        }
    }
}
