import Foundation
import Logging
import PIVaultStore
import SQLKit
import Testing
import TransparencyLog

/// The `MerkleStorage` contract of the TransparencyLog library, run against
/// the vault's SQL store on SQLite and (when configured) PostgreSQL.
@Suite("Transparency log in the SQL store")
struct SQLMerkleStorageTests {
    static let engines = StoreContractTests.engines

    static func entries(_ count: Int, from start: Int = 0) -> [[UInt8]] {
        (start..<(start + count)).map { Array("entry-\($0)".utf8) }
    }

    @Test("SQLMerkleStorage meets the MerkleStorage contract (append-only leaves, idempotent integration, batched reads, named errors)", arguments: engines)
    func contract(engine: String) async throws {
        let store = try await StoreContractTests().open(engine)
        defer { Task { try? await store.close() } }
        let storage = SQLMerkleStorage(store: store)
        let leaves = Self.entries(5).map { TreeHasher.leafHash($0) }
        #expect(try await storage.state() == MerkleStorageState(leafCount: 0, integratedSize: 0))

        try await storage.appendLeaves(Array(leaves[0..<3]), at: 0)
        let conflict = await #expect(throws: LogError.self) { try await storage.appendLeaves([leaves[3]], at: 2) }
        #expect(conflict?.code == .storageConflict)
        try await storage.appendLeaves(Array(leaves[3..<5]), at: 3)
        #expect(try await storage.state() == MerkleStorageState(leafCount: 5, integratedSize: 0))

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

        #expect(try await storage.hashes(of: [n20.id, NodeID(level: 0, index: 4), n10.id]) == [n20.hash, leaves[4], n10.hash])
        #expect(try await storage.hashes(level: 0, range: 1..<4) == Array(leaves[1..<4]))
        #expect(try await storage.hashes(level: 1, range: 0..<2) == [n10.hash, n11.hash])
        let missing = await #expect(throws: LogError.self) { try await storage.hashes(of: [NodeID(level: 1, index: 2)]) }
        #expect(missing?.code == .missingNode)
        await #expect(throws: LogError.self) { try await storage.hashes(level: 2, range: 0..<2) }
    }

    @Test("RFC 9162 §2.1: roots and proofs from the SQL store equal those of the in-memory reference, and survive a restart", arguments: engines)
    func proofsMatchReferenceAcrossRestart(engine: String) async throws {
        let store = try await StoreContractTests().open(engine)
        let log = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        let reference = try await MerkleLog(storage: InMemoryMerkleStorage())
        for batch in [1, 6, 30, 64, 99] {
            let entries = Self.entries(batch, from: Int(await reference.size))
            try await log.append(entries)
            try await reference.append(entries)
        }
        let size = await reference.size
        #expect(await log.currentRoot == reference.currentRoot)
        // Reopen on the same store: the root and proofs come from stored nodes.
        let reopened = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        #expect(await reopened.size == size)
        for index in [0, 1, 77, size - 1] {
            #expect(try await reopened.inclusionProof(index: index, size: size) == reference.inclusionProof(index: index, size: size))
        }
        for old in [1, 7, 64, 100] as [UInt64] {
            #expect(try await reopened.consistencyProof(old: old, new: size) == reference.consistencyProof(old: old, new: size))
            #expect(try await reopened.root(at: old) == reference.root(at: old))
        }
        try await store.close()
    }

    @Test("Leaves stored but not integrated (a crash between the two steps) are integrated on open; none is lost", arguments: engines)
    func crashBetweenStoreAndIntegrate(engine: String) async throws {
        let store = try await StoreContractTests().open(engine)
        let log = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        try await log.append(Self.entries(10))
        // Events stored with their leaves in one transaction; integration never ran.
        let first = try await store.write { session in
            try await session.appendLogEntries(Self.entries(7, from: 10).map { (subject: nil, data: Data($0)) })
        }
        #expect(first == 10)
        #expect(try await store.read { try await $0.logState() } == MerkleStorageState(leafCount: 17, integratedSize: 10))
        let reopened = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        #expect(await reopened.size == 17)
        let reference = try await MerkleLog(storage: InMemoryMerkleStorage())
        try await reference.append(Self.entries(17))
        #expect(await reopened.currentRoot == reference.currentRoot)
        try await store.close()
    }

    @Test("Stored hashes and events are append-only: the database refuses updates and deletes", arguments: engines)
    func appendOnly(engine: String) async throws {
        let store = try await StoreContractTests().open(engine)
        let log = try await MerkleLog(storage: SQLMerkleStorage(store: store))
        try await log.append(Self.entries(4))
        _ = try await store.write { try await $0.appendLogEntries([(subject: "c", data: Data("e".utf8))]) }
        await #expect(throws: (any Error).self) {
            try await store.engine.withDatabase { try await $0.raw("UPDATE tlog_nodes SET hash = hash WHERE level = 1").run() }
        }
        await #expect(throws: (any Error).self) {
            try await store.engine.withDatabase { try await $0.raw("DELETE FROM tlog_entries").run() }
        }
        #expect(try await store.read { try await $0.logEntries(subject: "c") }.count == 1)
        try await store.close()
    }
}
