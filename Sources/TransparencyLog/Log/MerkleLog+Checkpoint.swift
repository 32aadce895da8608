extension MerkleLog {
    /// The checkpoint for the current tree (no storage read).
    public func checkpoint(origin: String, extensions: [String] = []) throws -> Checkpoint {
        try Checkpoint(origin: origin, size: size, root: currentRoot, extensions: extensions)
    }

    /// The current checkpoint signed by `signers`, serialized as a C2SP signed note.
    public func signedCheckpoint(origin: String, signers: [NoteSigner], extensions: [String] = []) throws -> String {
        try SignedCheckpoint.sign(checkpoint(origin: origin, extensions: extensions), with: signers)
    }
}
