import TransparencyLog

/// The transparency log's tree kept in the vault's store (SQLite or
/// PostgreSQL): append-only, durable across restarts, and every proof or
/// root answered with one query of O(log n) rows.
///
/// Events enter through ``StoreSession/appendLogEntries(_:)`` in the same
/// transaction as their leaves; a ``MerkleLog`` over this storage then
/// integrates them (and, on open, any left unintegrated by a crash).
public struct SQLMerkleStorage: MerkleStorage {
    /// The store holding the log tables.
    public let store: VaultStore

    /// Creates a storage over `store`, whose schema includes the log tables.
    public init(store: VaultStore) {
        self.store = store
    }

    /// See ``MerkleStorage/state()``.
    public func state() async throws -> MerkleStorageState {
        try await store.read { try await $0.logState() }
    }

    /// See ``MerkleStorage/appendLeaves(_:at:)``.
    public func appendLeaves(_ hashes: [MerkleHash], at firstIndex: UInt64) async throws {
        try await store.write { try await $0.appendLogLeaves(hashes, at: firstIndex) }
    }

    /// See ``MerkleStorage/integrate(nodes:upTo:)``; one transaction.
    public func integrate(nodes: [MerkleNode], upTo size: UInt64) async throws {
        try await store.write { try await $0.integrateLog(nodes: nodes, upTo: size) }
    }

    /// See ``MerkleStorage/hashes(of:)``.
    public func hashes(of ids: [NodeID]) async throws -> [MerkleHash] {
        try await store.read { try await $0.logHashes(of: ids) }
    }

    /// See ``MerkleStorage/hashes(level:range:)``.
    public func hashes(level: UInt8, range: Range<UInt64>) async throws -> [MerkleHash] {
        try await store.read { try await $0.logHashes(level: level, range: range) }
    }
}
