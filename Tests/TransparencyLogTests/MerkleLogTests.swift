import Testing
import TransparencyLog

@Suite("MerkleLog over MerkleStorage: appends, restarts and crash recovery")
struct MerkleLogTests {
    @Test("Batched appends return consecutive indices and the root matches RFC 9162 §2.1.1 MTH")
    func appendBatches() async throws {
        let log = try await MerkleLog(storage: InMemoryMerkleStorage())
        #expect(try await log.append(Fixture.entries(3)) == 0..<3)
        #expect(try await log.append(Fixture.entries(0, from: 3)) == 3..<3)
        #expect(try await log.append(Fixture.entries(10, from: 3)) == 3..<13)
        #expect(await log.size == 13)
        let leaves = Fixture.entries(13).map { TreeHasher.leafHash($0) }
        #expect(await log.currentRoot == Reference.mth(leaves[...]))
        try await log.verifyEntry(Fixture.entries(13)[7], at: 7)
        try await log.auditStoredTree()
    }

    @Test("Reopening over the same storage restores size and root from O(log n) border nodes")
    func reopen() async throws {
        let storage = InMemoryMerkleStorage()
        let first = try await MerkleLog(storage: storage)
        try await first.append(Fixture.entries(1_000))
        let root = await first.currentRoot
        let second = try await MerkleLog(storage: storage)
        #expect(await second.size == 1_000)
        #expect(await second.currentRoot == root)
        try await second.append(Fixture.entries(5, from: 1_000))
        #expect(await second.currentRoot == Reference.mth(Fixture.entries(1_005).map { TreeHasher.leafHash($0) }[...]))
    }

    @Test("Leaves stored but not integrated (a crash between the two steps) are integrated on open; nothing is lost")
    func crashBetweenSteps() async throws {
        let storage = InMemoryMerkleStorage()
        let log = try await MerkleLog(storage: storage)
        try await log.append(Fixture.entries(100))
        // The process stops after the leaves of the next batch are durable but before integration.
        let pending = Fixture.entries(37, from: 100).map { TreeHasher.leafHash($0) }
        try await storage.appendLeaves(pending, at: 100)
        let state = await storage.state()
        #expect(state == MerkleStorageState(leafCount: 137, integratedSize: 100))
        let reopened = try await MerkleLog(storage: storage)
        #expect(await reopened.size == 137)
        #expect(await storage.state().integratedSize == 137)
        let leaves = Fixture.entries(137).map { TreeHasher.leafHash($0) }
        #expect(await reopened.currentRoot == Reference.mth(leaves[...]))
        let proof = try await reopened.inclusionProof(index: 120, size: 137)
        try ProofVerifier.verifyInclusion(leafHash: leaves[120], index: 120, treeSize: 137, proof: proof, root: await reopened.currentRoot)
        try await reopened.auditStoredTree()
    }

    @Test("A failure during integration loses no stored leaf: the next integrate() or open completes it")
    func failedIntegration() async throws {
        let storage = FaultyStorage()
        let log = try await MerkleLog(storage: storage)
        try await log.append(Fixture.entries(10))
        await storage.failIntegration(true)
        await #expect(throws: LogError.self) { try await log.append(Fixture.entries(6, from: 10)) }
        #expect(await log.size == 10)
        #expect(try await storage.state().leafCount == 16)
        await storage.failIntegration(false)
        #expect(try await log.integrate() == 16)
        #expect(await log.currentRoot == Reference.mth(Fixture.entries(16).map { TreeHasher.leafHash($0) }[...]))
        // Re-running integration of already-stored nodes is a no-op.
        try await storage.integrate(nodes: [], upTo: 16)
        try await log.auditStoredTree()
    }

    @Test("A second writer is detected as a storage conflict instead of overwriting leaves")
    func conflictingWriter() async throws {
        let storage = InMemoryMerkleStorage()
        let log = try await MerkleLog(storage: storage)
        try await log.append(Fixture.entries(4))
        let error = await #expect(throws: LogError.self) {
            try await storage.appendLeaves([TreeHasher.leafHash([1])], at: 2)
        }
        #expect(error?.code == .storageConflict)
    }

    @Test("Concurrent appends are serialized: every entry gets a distinct index and the tree stays consistent")
    func concurrentAppends() async throws {
        let log = try await MerkleLog(storage: InMemoryMerkleStorage())
        let ranges = try await withThrowingTaskGroup(of: Range<UInt64>.self) { group in
            for task in 0..<16 {
                group.addTask { try await log.append(Fixture.entries(25, from: task * 25)) }
            }
            return try await group.reduce(into: [Range<UInt64>]()) { $0.append($1) }
        }
        let starts = ranges.map(\.lowerBound).sorted()
        let expected: [UInt64] = (0..<16).map { UInt64($0) * 25 }
        #expect(starts == expected)
        #expect(ranges.allSatisfy { $0.count == 25 })
        #expect(await log.size == 400)
        try await log.auditStoredTree()
    }

    @Test("Proofs read O(log n) nodes in a single storage call")
    func logarithmicReads() async throws {
        let storage = FaultyStorage()
        let log = try await MerkleLog(storage: storage)
        try await log.append(Fixture.entries(5_000))
        await storage.resetReads()
        _ = try await log.inclusionProof(index: 1_234, size: 4_999)
        _ = try await log.consistencyProof(old: 1_000, new: 4_999)
        _ = try await log.root(at: 3_333)
        let reads = await storage.reads
        #expect(reads.calls == 3)
        #expect(reads.nodes <= 3 * 2 * 13)
    }
}

/// A storage that can be made to fail integration and counts reads.
actor FaultyStorage: MerkleStorage {
    private let inner = InMemoryMerkleStorage()
    private var failing = false
    private(set) var reads = (calls: 0, nodes: 0)

    func failIntegration(_ fail: Bool) { failing = fail }
    func resetReads() { reads = (0, 0) }

    func state() async throws -> MerkleStorageState { await inner.state() }
    func appendLeaves(_ hashes: [MerkleHash], at firstIndex: UInt64) async throws {
        try await inner.appendLeaves(hashes, at: firstIndex)
    }
    func integrate(nodes: [MerkleNode], upTo size: UInt64) async throws {
        if failing { throw LogError(.io, "simulated crash before integration") }
        try await inner.integrate(nodes: nodes, upTo: size)
    }
    func hashes(of ids: [NodeID]) async throws -> [MerkleHash] {
        reads.calls += 1
        reads.nodes += ids.count
        return try await inner.hashes(of: ids)
    }
    func hashes(level: UInt8, range: Range<UInt64>) async throws -> [MerkleHash] {
        try await inner.hashes(level: level, range: range)
    }
}
