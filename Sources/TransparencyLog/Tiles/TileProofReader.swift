/// Builds inclusion and consistency proofs from a log served as C2SP
/// tlog-tiles, so an auditor needs nothing but the public tiles and the
/// log's verifier key: the proofs are then checked against signed
/// checkpoints exactly as offline proofs are.
///
/// A node at tree level `l` is read from the hash tile at tile level `l / 8`
/// and folded up `l % 8` levels; every node a proof needs is a complete
/// subtree of the tree, so its hashes sit in one (possibly partial) tile.
/// Nothing read here is trusted: a tile that lies yields a proof that fails
/// verification against the signed checkpoint.
public struct TileProofReader: Sendable {
    /// Fetches a tile by its path relative to the log prefix (e.g. `tile/0/x001/234.p/17`).
    public typealias Fetch = @Sendable (String) async throws -> [UInt8]

    private let fetch: Fetch

    /// Creates a reader over `fetch`.
    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    /// PROOF(old, D[new]) (RFC 9162 §2.1.4.1) from the tiles of a tree of `new` leaves.
    ///
    /// - Throws: ``LogError`` when `old > new`, or a tile is missing or malformed.
    public func consistencyProof(old: UInt64, new: UInt64) async throws -> ConsistencyProofFile {
        guard old <= new else {
            throw LogError(.invalidArgument, "old size \(old) is larger than new size \(new); pass the older checkpoint first")
        }
        guard old > 0, old < new else { return ConsistencyProofFile(oldSize: old, newSize: new, hashes: []) }
        var cache: [String: [UInt8]] = [:]
        var hashes: [MerkleHash] = []
        for range in TreeMath.consistencyRanges(old: old, new: new) {
            hashes.append(try await rangeHash(range, size: new, cache: &cache))
        }
        return ConsistencyProofFile(oldSize: old, newSize: new, hashes: hashes)
    }

    /// PATH(index, D[size]) (RFC 9162 §2.1.3.1) from the tiles of a tree of `size` leaves, for `entry`.
    ///
    /// - Throws: ``LogError`` when `index ≥ size`, or a tile is missing or malformed.
    public func inclusionProof(index: UInt64, size: UInt64, entry: [UInt8]? = nil) async throws -> InclusionProofFile {
        guard index < size else {
            throw LogError(.invalidArgument, "leaf index \(index) is not below the tree size \(size)")
        }
        var cache: [String: [UInt8]] = [:]
        var hashes: [MerkleHash] = []
        for range in TreeMath.inclusionRanges(index: index, size: size) {
            hashes.append(try await rangeHash(range, size: size, cache: &cache))
        }
        // With the entry at hand its hash is computed here, never taken from a tile.
        let leaf = if let entry { TreeHasher.leafHash(entry) } else { try await nodeHash(NodeID(level: 0, index: index), size: size, cache: &cache) }
        return InclusionProofFile(leafIndex: index, treeSize: size, leafHash: leaf, leafData: entry, hashes: hashes)
    }

    /// MTH of a leaf range: the right-to-left fold of its complete subtrees.
    private func rangeHash(_ range: Range<UInt64>, size: UInt64, cache: inout [String: [UInt8]]) async throws -> MerkleHash {
        var parts: [MerkleHash] = []
        for id in TreeMath.subtrees(covering: range) {
            parts.append(try await nodeHash(id, size: size, cache: &cache))
        }
        return TreeHasher.fold(parts)
    }

    /// The hash of a complete subtree, from the tile holding its descendants at the nearest tile level below.
    private func nodeHash(_ id: NodeID, size: UInt64, cache: inout [String: [UInt8]]) async throws -> MerkleHash {
        let tileLevel = UInt8(id.level / 8)
        let rise = UInt64(id.level % 8)
        let baseLevel = UInt64(tileLevel) * 8
        let first = id.index << rise
        let count = UInt64(1) << rise
        let available = size >> baseLevel
        let tileIndex = first / UInt64(TilePath.fullWidth)
        let width = Int(min(UInt64(TilePath.fullWidth), available - tileIndex * UInt64(TilePath.fullWidth)))
        let path = try TilePath(level: tileLevel, index: tileIndex, width: width)
        let content: [UInt8]
        if let cached = cache[path.path] {
            content = cached
        } else {
            content = try await fetch(path.path)
            guard content.count == width * MerkleHash.byteCount else {
                throw LogError(.missingNode, "tile \(path.path) holds \(content.count) bytes, not \(width) hashes of \(MerkleHash.byteCount) bytes")
            }
            cache[path.path] = content
        }
        let offset = Int(first - tileIndex * UInt64(TilePath.fullWidth))
        var level: [MerkleHash] = []
        level.reserveCapacity(Int(count))
        for position in offset..<(offset + Int(count)) {
            let start = position * MerkleHash.byteCount
            level.append(try MerkleHash(validating: content[start..<(start + MerkleHash.byteCount)], what: "tile \(path.path) hash \(position)"))
        }
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { TreeHasher.nodeHash(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}
