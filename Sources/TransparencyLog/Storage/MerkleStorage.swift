/// Where a ``MerkleLog`` keeps its tree: an append-only table of leaf hashes
/// and a table of complete-subtree hashes keyed by ``NodeID``.
///
/// Appending is two steps, so that a crash in between loses nothing that was
/// acknowledged:
/// 1. ``appendLeaves(_:at:)`` durably stores leaf hashes. Once it returns the
///    entries are part of the log (a SQL store does this in the same
///    transaction that stores the events themselves).
/// 2. ``integrate(nodes:upTo:)`` stores the interior nodes those leaves
///    complete and advances ``MerkleStorageState/integratedSize``. It is
///    idempotent: ``MerkleLog/open(storage:)`` re-runs it for any leaves past
///    the integrated size, and writing a node that exists with the same hash is
///    a no-op.
///
/// Every read the log makes is one batched call of O(log n) nodes, so a SQL
/// implementation answers a root or a proof with one query.
///
/// A SQL layout that fits: `tlog_leaves(idx PRIMARY KEY, hash)`,
/// `tlog_nodes(level, idx, hash, PRIMARY KEY(level, idx))` and one row holding
/// the integrated size, with ``integrate(nodes:upTo:)`` in one transaction.
public protocol MerkleStorage: Sendable {
    /// The number of stored leaves and how many of them are integrated.
    func state() async throws -> MerkleStorageState

    /// Durably appends leaf hashes as leaves `firstIndex ..< firstIndex + hashes.count`.
    ///
    /// - Throws: ``LogError/Code/storageConflict`` when `firstIndex` is not the
    ///   current leaf count (another writer appended, or a retry after success).
    func appendLeaves(_ hashes: [MerkleHash], at firstIndex: UInt64) async throws

    /// Stores interior nodes (level ≥ 1) and records that leaves `0 ..< size` are integrated.
    ///
    /// Must be atomic, or at least store the nodes before the size. A node that
    /// already exists with the same hash is accepted; a different hash is an
    /// ``LogError/Code/integrityViolation``. `size` never decreases.
    func integrate(nodes: [MerkleNode], upTo size: UInt64) async throws

    /// The hashes of the given nodes, in the same order; level 0 reads leaf hashes.
    ///
    /// - Throws: ``LogError/Code/missingNode`` naming a node that is not stored.
    func hashes(of ids: [NodeID]) async throws -> [MerkleHash]

    /// The hashes of consecutive nodes `range` at one level (tiles read whole runs).
    ///
    /// - Throws: ``LogError/Code/missingNode`` when part of the range is not stored.
    func hashes(level: UInt8, range: Range<UInt64>) async throws -> [MerkleHash]
}

/// How far a ``MerkleStorage`` has got.
public struct MerkleStorageState: Hashable, Sendable {
    /// Leaves durably stored (acknowledged entries).
    public var leafCount: UInt64
    /// Leaves whose interior nodes are stored; roots and proofs exist up to this size.
    public var integratedSize: UInt64

    /// Creates a state.
    public init(leafCount: UInt64, integratedSize: UInt64) {
        self.leafCount = leafCount
        self.integratedSize = integratedSize
    }
}
