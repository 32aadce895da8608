import Testing
import TransparencyLog

/// The behaviour every ``MerkleStorage`` must have; run it on each backend.
enum StorageContract {
    static func run(_ storage: some MerkleStorage) async throws {
        let leaves = Fixture.entries(5).map { TreeHasher.leafHash($0) }
        #expect(try await storage.state() == MerkleStorageState(leafCount: 0, integratedSize: 0))

        // Append-only at the current count.
        try await storage.appendLeaves(Array(leaves[0..<3]), at: 0)
        let conflict = await #expect(throws: LogError.self) { try await storage.appendLeaves([leaves[3]], at: 2) }
        #expect(conflict?.code == .storageConflict)
        try await storage.appendLeaves(Array(leaves[3..<5]), at: 3)
        #expect(try await storage.state() == MerkleStorageState(leafCount: 5, integratedSize: 0))

        // Integration stores nodes and the size; repeating it is a no-op; a different hash is refused.
        let n10 = MerkleNode(id: NodeID(level: 1, index: 0), hash: TreeHasher.nodeHash(leaves[0], leaves[1]))
        let n11 = MerkleNode(id: NodeID(level: 1, index: 1), hash: TreeHasher.nodeHash(leaves[2], leaves[3]))
        let n20 = MerkleNode(id: NodeID(level: 2, index: 0), hash: TreeHasher.nodeHash(n10.hash, n11.hash))
        try await storage.integrate(nodes: [n10], upTo: 2)
        try await storage.integrate(nodes: [n10, n11, n20], upTo: 4)
        try await storage.integrate(nodes: [n11], upTo: 4)
        let clash = await #expect(throws: LogError.self) {
            try await storage.integrate(nodes: [MerkleNode(id: n11.id, hash: leaves[0])], upTo: 4)
        }
        #expect(clash?.code == .integrityViolation)
        #expect(try await storage.state() == MerkleStorageState(leafCount: 5, integratedSize: 4))

        // Reads: scattered ids in order (level 0 = leaves), and ranges.
        #expect(try await storage.hashes(of: [n20.id, NodeID(level: 0, index: 4), n10.id]) == [n20.hash, leaves[4], n10.hash])
        #expect(try await storage.hashes(level: 0, range: 1..<4) == Array(leaves[1..<4]))
        #expect(try await storage.hashes(level: 1, range: 0..<2) == [n10.hash, n11.hash])
        let missing = await #expect(throws: LogError.self) { try await storage.hashes(of: [NodeID(level: 1, index: 2)]) }
        #expect(missing?.code == .missingNode)
        await #expect(throws: LogError.self) { try await storage.hashes(level: 2, range: 0..<2) }
    }
}

@Suite("MerkleStorage contract")
struct StorageContractTests {
    @Test("InMemoryMerkleStorage: append-only leaves, idempotent integration, batched reads, named errors")
    func inMemory() async throws {
        try await StorageContract.run(InMemoryMerkleStorage())
    }
}
