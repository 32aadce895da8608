extension TreeHasher {
    /// MTH of a range from its complete subtrees' hashes, left to right:
    /// the right-to-left fold hash(c₁, hash(c₂, … cₖ)).
    ///
    /// - Returns: ``emptyRoot`` for no subtrees.
    static func fold(_ hashes: some BidirectionalCollection<MerkleHash>) -> MerkleHash {
        guard var accumulator = hashes.last else { return emptyRoot }
        for hash in hashes.dropLast().reversed() {
            accumulator = nodeHash(hash, accumulator)
        }
        return accumulator
    }
}
