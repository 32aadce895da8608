/// The right border of a tree: the hashes of the complete subtrees that make
/// up leaves `0 ..< size`, largest first (one per set bit of `size`).
///
/// Appending a leaf merges equal-sized subtrees into their parent, which is
/// exactly the set of interior nodes the new leaf completes. The root is the
/// right-to-left fold of the border.
struct CompactRange: Sendable {
    private(set) var size: UInt64
    private(set) var border: [MerkleNode]

    /// A range over the empty tree.
    init() {
        size = 0
        border = []
    }

    /// A range from stored border nodes (``TreeMath/border(size:)`` order).
    init(size: UInt64, border: [MerkleNode]) {
        self.size = size
        self.border = border
    }

    /// Adds leaf `size` and reports every interior node it completes to `completed`.
    mutating func append(leaf hash: MerkleHash, completed: (MerkleNode) -> Void) {
        var node = MerkleNode(id: NodeID(level: 0, index: size), hash: hash)
        while let last = border.last, last.id.level == node.id.level {
            border.removeLast()
            node = MerkleNode(
                id: NodeID(level: node.id.level + 1, index: last.id.index >> 1),
                hash: TreeHasher.nodeHash(last.hash, node.hash))
            completed(node)
        }
        border.append(node)
        size += 1
    }

    /// MTH of leaves `0 ..< size`.
    var root: MerkleHash { TreeHasher.fold(border.map(\.hash)) }
}
