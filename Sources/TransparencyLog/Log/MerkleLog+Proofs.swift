extension MerkleLog {
    /// MTH(D[size]) (RFC 9162 §2.1.1) for any size up to ``size``.
    ///
    /// Reads one node per set bit of `size`, in one storage call.
    /// - Throws: ``LogError/Code/invalidArgument`` when `size` exceeds the log.
    public func root(at size: UInt64) async throws -> MerkleHash {
        try checkSize(size, "root")
        if size == self.size { return currentRoot }
        return try await hashes(of: [0..<size])[0]
    }

    /// The root recomputed from stored nodes only, ignoring the in-memory border.
    func root(atStoredSize size: UInt64) async throws -> MerkleHash {
        try checkSize(size, "root")
        return try await hashes(of: [0..<size])[0]
    }

    /// PATH(index, D[size]) (RFC 9162 §2.1.3.1): the inclusion proof of leaf `index` in the tree of `size` leaves.
    ///
    /// Reads O(log size) nodes in one storage call.
    /// - Throws: ``LogError/Code/invalidArgument`` unless `index < size ≤ self.size`.
    public func inclusionProof(index: UInt64, size: UInt64) async throws -> [MerkleHash] {
        try checkSize(size, "inclusion proof")
        guard index < size else {
            throw LogError(.invalidArgument, "leaf index \(index) is not below the tree size \(size)")
        }
        return try await hashes(of: TreeMath.inclusionRanges(index: index, size: size))
    }

    /// PROOF(old, D[new]) (RFC 9162 §2.1.4.1): proves the tree of `old` leaves is a prefix of the tree of `new`.
    ///
    /// Empty when `old` is 0 or equals `new`.
    /// - Throws: ``LogError/Code/invalidArgument`` unless `old ≤ new ≤ self.size`.
    public func consistencyProof(old: UInt64, new: UInt64) async throws -> [MerkleHash] {
        try checkSize(new, "consistency proof")
        guard old <= new else {
            throw LogError(.invalidArgument, "old size \(old) is larger than new size \(new); pass the smaller size first")
        }
        guard old > 0, old < new else { return [] }
        return try await hashes(of: TreeMath.consistencyRanges(old: old, new: new))
    }

    /// The stored hash of leaf `index`.
    public func leafHash(at index: UInt64) async throws -> MerkleHash {
        guard index < size else {
            throw LogError(.invalidArgument, "leaf index \(index) is not below the log size \(size)")
        }
        return try await storage.hashes(of: [NodeID(level: 0, index: index)])[0]
    }

    private func checkSize(_ requested: UInt64, _ what: String) throws {
        guard requested <= size else {
            throw LogError(.invalidArgument, "\(what) asked for tree size \(requested) but the log has \(size) integrated leaves")
        }
    }

    /// The MTH of each range, fetching all the subtrees they need in one read.
    private func hashes(of ranges: [Range<UInt64>]) async throws -> [MerkleHash] {
        let groups = ranges.map { TreeMath.subtrees(covering: $0) }
        let fetched = try await storage.hashes(of: groups.flatMap { $0 })
        guard fetched.count == groups.reduce(0, { $0 + $1.count }) else {
            throw LogError(.missingNode, "storage returned \(fetched.count) hashes for a request of \(groups.reduce(0, { $0 + $1.count })) nodes")
        }
        var result: [MerkleHash] = []
        result.reserveCapacity(groups.count)
        var offset = 0
        for group in groups {
            result.append(TreeHasher.fold(fetched[offset..<(offset + group.count)]))
            offset += group.count
        }
        return result
    }
}
