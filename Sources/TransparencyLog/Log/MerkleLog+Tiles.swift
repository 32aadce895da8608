extension MerkleLog {
    /// The content of a C2SP tlog-tiles hash tile: its hashes concatenated (32·W bytes).
    ///
    /// A tile exists once the tree has every node it covers; tiles never change
    /// once they exist, so a server can cache them forever.
    /// - Throws: ``LogError/Code/invalidArgument`` for an entry bundle path (entries
    ///   live with the caller's records) or a tile beyond the current tree.
    public func tile(_ path: TilePath) async throws -> [UInt8] {
        guard let treeLevel = path.treeLevel else {
            throw LogError(.invalidArgument, "\(path) is an entry bundle; build it with EntryBundle.encode from the stored entries")
        }
        // Tiles above level 7 cover tree levels beyond 63, which no 64-bit tree reaches.
        let available = treeLevel >= 64 ? 0 : size >> UInt64(treeLevel)
        guard path.itemRange.upperBound <= available else {
            throw LogError(.invalidArgument, "\(path) needs \(path.itemRange.upperBound) nodes at tree level \(treeLevel) but a tree of \(size) has \(available)")
        }
        let hashes = try await storage.hashes(level: UInt8(treeLevel), range: path.itemRange)
        var content: [UInt8] = []
        content.reserveCapacity(hashes.count * MerkleHash.byteCount)
        for hash in hashes { hash.withUnsafeBytes { content.append(contentsOf: $0) } }
        return content
    }
}
