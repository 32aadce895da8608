/// Checks proofs against signed checkpoints with nothing but the log's public
/// key — what `pivault log verify` and `pivault log audit` run.
public enum OfflineVerifier {
    /// What a successful inclusion check established.
    public struct Inclusion: Sendable, Hashable {
        /// The verified checkpoint.
        public var checkpoint: Checkpoint
        /// The leaf index.
        public var leafIndex: UInt64
        /// The leaf hash shown to be in the tree.
        public var leafHash: MerkleHash
    }

    /// Verifies the checkpoint's signature, then that the proof leads from the leaf to its root.
    ///
    /// - Throws: ``LogError`` naming what did not match: the signature, the
    ///   origin, the tree size, the leaf hash or the root.
    public static func verifyInclusion(
        checkpoint note: [UInt8], proof: InclusionProofFile, verifiers: [NoteVerifier], origin: String? = nil
    ) throws -> Inclusion {
        let checkpoint = try SignedCheckpoint(verifying: note, with: verifiers, origin: origin).checkpoint
        guard proof.treeSize == checkpoint.size else {
            throw LogError(.sizeMismatch, "proof is for a tree of \(proof.treeSize) leaves but the checkpoint is for \(checkpoint.size); fetch a proof for the checkpoint's size")
        }
        let leaf = try proof.resolvedLeafHash()
        try ProofVerifier.verifyInclusion(
            leafHash: leaf, index: proof.leafIndex, treeSize: proof.treeSize,
            proof: try proof.proofHashes(), root: checkpoint.root)
        return Inclusion(checkpoint: checkpoint, leafIndex: proof.leafIndex, leafHash: leaf)
    }

    /// What a successful consistency check established.
    public struct Consistency: Sendable, Hashable {
        /// The older verified checkpoint.
        public var old: Checkpoint
        /// The newer verified checkpoint.
        public var new: Checkpoint
    }

    /// Verifies both checkpoints' signatures, that they name the same log, and
    /// that the newer tree extends the older (RFC 9162 §2.1.4.2).
    ///
    /// - Throws: ``LogError`` naming what did not match.
    public static func verifyConsistency(
        old oldNote: [UInt8], new newNote: [UInt8], proof: ConsistencyProofFile,
        verifiers: [NoteVerifier], origin: String? = nil
    ) throws -> Consistency {
        let old = try labelled("old checkpoint") { try SignedCheckpoint(verifying: oldNote, with: verifiers, origin: origin).checkpoint }
        let new = try labelled("new checkpoint") { try SignedCheckpoint(verifying: newNote, with: verifiers, origin: origin).checkpoint }
        guard old.origin == new.origin else {
            throw LogError(.originMismatch, "old checkpoint is for log \"\(old.origin)\" but new checkpoint is for \"\(new.origin)\"")
        }
        guard proof.oldSize == old.size, proof.newSize == new.size else {
            throw LogError(.sizeMismatch, "proof is from size \(proof.oldSize) to \(proof.newSize) but the checkpoints have sizes \(old.size) and \(new.size)")
        }
        try ProofVerifier.verifyConsistency(
            oldSize: old.size, newSize: new.size, oldRoot: old.root, newRoot: new.root, proof: try proof.proofHashes())
        return Consistency(old: old, new: new)
    }

    private static func labelled<T>(_ label: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LogError {
            throw LogError(error.code, "\(label): \(error.message)")
        }
    }
}
