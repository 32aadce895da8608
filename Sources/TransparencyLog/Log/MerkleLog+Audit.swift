extension MerkleLog {
    /// Recomputes every stored interior node from its two children, then the
    /// root, and compares the root with `checkpoint` when given.
    ///
    /// Reads the whole tree level by level in bounded chunks (O(n) hashing):
    /// an audit to run on demand, not per request.
    /// - Throws: ``LogError/Code/integrityViolation`` naming the first node whose
    ///   stored hash differs from its children's hash, or ``LogError/Code/rootMismatch``
    ///   when the stored tree does not have the checkpoint's root.
    public func auditStoredTree(against checkpoint: Checkpoint? = nil) async throws {
        let treeSize = size
        let chunk = Self.integrationChunk
        var level: UInt8 = 1
        while level < 64, treeSize >> UInt64(level) > 0 {
            let count = treeSize >> UInt64(level)
            var start: UInt64 = 0
            while start < count {
                let end = min(count, start + chunk)
                let children = try await storage.hashes(level: level - 1, range: (2 * start)..<(2 * end))
                let parents = try await storage.hashes(level: level, range: start..<end)
                for offset in 0..<Int(end - start) {
                    let computed = TreeHasher.nodeHash(children[2 * offset], children[2 * offset + 1])
                    guard computed == parents[offset] else {
                        let index = start + UInt64(offset)
                        let kind = level == 1 ? "leaves" : "nodes at level \(level - 1)"
                        throw LogError(.integrityViolation, "\(NodeID(level: level, index: index)) is stored as \(parents[offset].hex) but its children (\(kind) \(2 * index) and \(2 * index + 1)) hash to \(computed.hex): the node or one of its children was altered")
                    }
                }
                start = end
            }
            level += 1
        }
        if let checkpoint {
            guard checkpoint.size <= treeSize else {
                throw LogError(.sizeMismatch, "checkpoint size \(checkpoint.size) is beyond the stored tree's \(treeSize) leaves: the log lost entries")
            }
            let stored = try await root(atStoredSize: checkpoint.size)
            guard stored == checkpoint.root else {
                throw LogError(.rootMismatch, "stored tree at size \(checkpoint.size) has root \(stored.hex) but the checkpoint has \(checkpoint.root.hex): stored entries were altered after the checkpoint was signed")
            }
        }
    }

    /// Checks that `entry` is what leaf `index` commits to.
    ///
    /// - Throws: ``LogError/Code/integrityViolation`` when the entry's leaf hash differs from the stored one.
    public func verifyEntry(_ entry: some Collection<UInt8>, at index: UInt64) async throws {
        let stored = try await leafHash(at: index)
        let computed = TreeHasher.leafHash(entry)
        guard stored == computed else {
            throw LogError(.integrityViolation, "leaf \(index) is stored as \(stored.hex) but the entry hashes to \(computed.hex): the entry or the stored leaf was altered")
        }
    }
}
