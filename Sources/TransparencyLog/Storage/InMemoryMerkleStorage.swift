/// A ``MerkleStorage`` held in memory, one array per tree level.
///
/// For tests, benchmarks and short-lived logs; the vault persists the same
/// shape in SQL. Nodes of a level are appended in index order, so each level
/// is a dense array and every read is an index.
public actor InMemoryMerkleStorage: MerkleStorage {
    private var levels: [[MerkleHash]] = [[]]
    private var integrated: UInt64 = 0

    /// Creates an empty store.
    public init() {}

    /// See ``MerkleStorage/state()``.
    public func state() -> MerkleStorageState {
        MerkleStorageState(leafCount: UInt64(levels[0].count), integratedSize: integrated)
    }

    /// See ``MerkleStorage/appendLeaves(_:at:)``.
    public func appendLeaves(_ hashes: [MerkleHash], at firstIndex: UInt64) throws {
        guard firstIndex == UInt64(levels[0].count) else {
            throw LogError(.storageConflict, "append at leaf \(firstIndex) but the store holds \(levels[0].count) leaves; reopen the log to pick up the current size")
        }
        levels[0].append(contentsOf: hashes)
    }

    /// See ``MerkleStorage/integrate(nodes:upTo:)``.
    public func integrate(nodes: [MerkleNode], upTo size: UInt64) throws {
        guard size <= UInt64(levels[0].count) else {
            throw LogError(.invalidArgument, "cannot integrate up to \(size) leaves; only \(levels[0].count) are stored")
        }
        for node in nodes {
            let level = Int(node.id.level)
            guard level > 0 else {
                throw LogError(.invalidArgument, "\(node.id) is a leaf; leaves are stored with appendLeaves")
            }
            while levels.count <= level { levels.append([]) }
            let count = UInt64(levels[level].count)
            if node.id.index < count {
                guard levels[level][Int(node.id.index)] == node.hash else {
                    throw LogError(.integrityViolation, "\(node.id) is stored with hash \(levels[level][Int(node.id.index)].hex) but integration computed \(node.hash.hex)")
                }
            } else if node.id.index == count {
                levels[level].append(node.hash)
            } else {
                throw LogError(.invalidArgument, "\(node.id) would leave a gap; level \(level) holds \(count) nodes")
            }
        }
        integrated = max(integrated, size)
    }

    /// See ``MerkleStorage/hashes(of:)``.
    public func hashes(of ids: [NodeID]) throws -> [MerkleHash] {
        try ids.map { id in
            let level = Int(id.level)
            guard level < levels.count, id.index < UInt64(levels[level].count) else {
                throw LogError(.missingNode, "\(id) is not stored; the tree holds \(integrated) integrated leaves")
            }
            return levels[level][Int(id.index)]
        }
    }

    /// See ``MerkleStorage/hashes(level:range:)``.
    public func hashes(level: UInt8, range: Range<UInt64>) throws -> [MerkleHash] {
        let stored = Int(level) < levels.count ? UInt64(levels[Int(level)].count) : 0
        guard range.upperBound <= stored else {
            throw LogError(.missingNode, "level \(level) holds \(stored) nodes; \(range.lowerBound)..<\(range.upperBound) is not stored")
        }
        return Array(levels[Int(level)][Int(range.lowerBound)..<Int(range.upperBound)])
    }
}
