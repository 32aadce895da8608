/// The coordinates of a complete subtree: `level` 0 is a leaf, and the node at
/// (`level`, `index`) covers leaves `index·2^level ..< (index+1)·2^level`.
///
/// Storage keys node hashes by this pair; a node exists once every leaf it
/// covers has been integrated, and its hash never changes afterwards.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The height above the leaves (0 = leaf).
    public var level: UInt8
    /// The position among nodes of the same level, from the left.
    public var index: UInt64

    /// Creates a node coordinate.
    public init(level: UInt8, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// Orders by level, then index (the order a SQL primary key would use).
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.level, lhs.index) < (rhs.level, rhs.index)
    }

    /// `level L, index N`, as used in error messages.
    public var description: String { "node (level \(level), index \(index))" }
}

/// A node coordinate with its hash, as written to storage.
public struct MerkleNode: Hashable, Sendable {
    /// Where the node sits.
    public var id: NodeID
    /// Its hash.
    public var hash: MerkleHash

    /// Creates a node.
    public init(id: NodeID, hash: MerkleHash) {
        self.id = id
        self.hash = hash
    }
}
