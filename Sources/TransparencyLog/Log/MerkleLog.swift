/// An append-only RFC 9162 Merkle log over a ``MerkleStorage``.
///
/// Appends are serialized; reads (roots, proofs, tiles) run concurrently with
/// them, since stored nodes never change and the size only grows after the
/// nodes behind it are stored. One `MerkleLog` should own a storage at a time;
/// a second writer is detected as a ``LogError/Code/storageConflict``.
public actor MerkleLog<Storage: MerkleStorage> {
    /// The storage the tree lives in.
    public nonisolated let storage: Storage
    /// How many leaves are read per integration step while catching up.
    static var integrationChunk: UInt64 { 1 << 16 }

    private var range: CompactRange
    // A first-come, first-served lock: actor methods interleave at every
    // `await`, and a multi-step append must not interleave with another.
    private var writerActive = false
    private var waitingWriters: [CheckedContinuation<Void, Never>] = []

    /// Opens the log and integrates any leaves that were stored but not yet
    /// integrated (for example when the process stopped between the two steps).
    ///
    /// - Throws: Storage errors, or ``LogError/Code/missingNode`` when the
    ///   storage lacks the border nodes its integrated size promises.
    public init(storage: Storage) async throws {
        self.storage = storage
        let state = try await storage.state()
        let ids = TreeMath.border(size: state.integratedSize)
        let hashes = try await storage.hashes(of: ids)
        range = CompactRange(
            size: state.integratedSize,
            border: zip(ids, hashes).map { MerkleNode(id: $0, hash: $1) })
        try await integrate()
    }

    /// The number of integrated leaves: the size of the newest tree with a root.
    public var size: UInt64 { range.size }

    /// The root of the current tree (RFC 9162 §2.1.1 MTH), without a storage read.
    public var currentRoot: MerkleHash { range.root }

    /// Appends entries as leaves, hashing each as SHA-256(0x00 ‖ entry).
    ///
    /// - Returns: The leaf indices the entries received, in order.
    /// - Throws: Storage errors; when `appendLeaves` succeeded but integration
    ///   failed, the entries are stored and the next ``integrate()`` or open
    ///   completes them.
    @discardableResult
    public func append<Entry: Collection<UInt8>>(_ entries: [Entry]) async throws -> Range<UInt64> {
        try await append(leafHashes: entries.map { TreeHasher.leafHash($0) })
    }

    /// Appends precomputed leaf hashes (for callers that hash entries while
    /// encoding them, or that stored the leaves themselves in a transaction).
    ///
    /// - Returns: The leaf indices the hashes received.
    @discardableResult
    public func append(leafHashes: [MerkleHash]) async throws -> Range<UInt64> {
        await acquireWriter()
        defer { releaseWriter() }
        try await integrateLocked()
        let first = range.size
        try await storage.appendLeaves(leafHashes, at: first)
        try await integrateLocked(knownLeaves: leafHashes, from: first)
        return first..<(first + UInt64(leafHashes.count))
    }

    /// Integrates every stored leaf past the current size, reading them back
    /// from storage; idempotent.
    ///
    /// Call after storing leaves directly through the storage (in the same
    /// transaction as the events they commit to), and before publishing a checkpoint.
    /// - Returns: The new size.
    @discardableResult
    public func integrate() async throws -> UInt64 {
        await acquireWriter()
        defer { releaseWriter() }
        try await integrateLocked()
        return range.size
    }

    private func integrateLocked() async throws {
        let leafCount = try await storage.state().leafCount
        while range.size < leafCount {
            let end = min(leafCount, range.size + Self.integrationChunk)
            let leaves = try await storage.hashes(level: 0, range: range.size..<end)
            try await integrateLocked(knownLeaves: leaves, from: range.size)
        }
    }

    private func integrateLocked(knownLeaves: [MerkleHash], from first: UInt64) async throws {
        precondition(first == range.size, "leaves are integrated in order")
        var next = range
        var nodes: [MerkleNode] = []
        nodes.reserveCapacity(knownLeaves.count + 64)
        for leaf in knownLeaves {
            next.append(leaf: leaf) { nodes.append($0) }
        }
        try await storage.integrate(nodes: nodes, upTo: next.size)
        range = next
    }

    private func acquireWriter() async {
        guard writerActive else {
            writerActive = true
            return
        }
        await withCheckedContinuation { waitingWriters.append($0) }
    }

    private func releaseWriter() {
        if waitingWriters.isEmpty {
            writerActive = false
        } else {
            waitingWriters.removeFirst().resume()
        }
    }
}
