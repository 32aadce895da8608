extension MerkleLog {
    /// An inclusion proof file for leaf `index` in the tree of `size` leaves,
    /// ready to hand to the person it concerns (include `entry` so they can check it is theirs).
    public func inclusionProofFile(index: UInt64, size: UInt64, entry: [UInt8]? = nil) async throws -> InclusionProofFile {
        let hashes = try await inclusionProof(index: index, size: size)
        let leaf = try await leafHash(at: index)
        return InclusionProofFile(leafIndex: index, treeSize: size, leafHash: leaf, leafData: entry, hashes: hashes)
    }

    /// A consistency proof file from the tree of `old` leaves to the tree of `new` leaves.
    public func consistencyProofFile(old: UInt64, new: UInt64) async throws -> ConsistencyProofFile {
        ConsistencyProofFile(oldSize: old, newSize: new, hashes: try await consistencyProof(old: old, new: new))
    }
}
