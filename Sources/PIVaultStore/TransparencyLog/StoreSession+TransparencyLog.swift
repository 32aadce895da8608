import Foundation
import SQLKit
import TransparencyLog

/// The transparency log's queries: the tree (`tlog_nodes`, level 0 holding
/// leaf hashes), its integrated size (`tlog_state`) and its events (`tlog_entries`).
extension StoreSession {
    /// Leaves stored and leaves integrated.
    public func logState() async throws -> MerkleStorageState {
        try await logState(locking: false)
    }

    /// The state, locking its row on PostgreSQL so concurrent appenders (other
    /// processes) take turns; SQLite's write transactions already do.
    private func logState(locking: Bool) async throws -> MerkleStorageState {
        let lock: SQLQueryString = locking && dialect == .postgres ? " FOR UPDATE" : ""
        guard let row = try await database.raw("SELECT leaf_count, integrated_size FROM tlog_state WHERE id = 1" + lock).first() else {
            throw StoreError(.schema, "the transparency log's state row is missing; the schema was altered by hand — restore the database from a backup")
        }
        return MerkleStorageState(leafCount: UInt64(try row.decode(column: "leaf_count", as: Int64.self)),
                                  integratedSize: UInt64(try row.decode(column: "integrated_size", as: Int64.self)))
    }

    /// Stores leaf hashes at `first`; see ``MerkleStorage/appendLeaves(_:at:)``.
    public func appendLogLeaves(_ hashes: [MerkleHash], at first: UInt64) async throws {
        let count = try await logState(locking: true).leafCount
        guard first == count else {
            throw LogError(.storageConflict, "append at leaf \(first) but the store holds \(count) leaves; another writer appended — reopen the log to pick up the current size")
        }
        try await insertLeaves(hashes, at: first)
    }

    /// Appends events and their leaf hashes after the current last leaf, in
    /// the caller's transaction, and returns the first index they received.
    ///
    /// Once the transaction commits the events are acknowledged: integration
    /// into the tree can follow later (and is redone after a crash).
    public func appendLogEntries(_ entries: [(subject: String?, data: Data)]) async throws -> UInt64 {
        guard !entries.isEmpty else { return try await logState(locking: false).leafCount }
        // Claiming the indices and reading them back is one statement: it also takes the state row's
        // lock on PostgreSQL, so concurrent appenders in other processes take turns.
        let count = Int64(entries.count)
        guard let row = try await database.raw("UPDATE tlog_state SET leaf_count = leaf_count + \(bind: count) WHERE id = 1 RETURNING leaf_count").first() else {
            throw StoreError(.schema, "the transparency log's state row is missing; the schema was altered by hand — restore the database from a backup")
        }
        let first = try row.decode(column: "leaf_count", as: Int64.self) - count
        for (offset, chunk) in entries.chunked(500).enumerated() {
            let base = first + Int64(offset * 500)
            let rows = chunk.enumerated().map { [base + Int64($0.offset), $0.element.subject, $0.element.data] as [any Encodable & Sendable] }
            try await database.insert(into: "tlog_entries").columns("idx", "subject", "data").boundRows(rows).run()
        }
        try await insertLeafHashes(entries.map { TreeHasher.leafHash($0.data) }, at: UInt64(first))
        return UInt64(first)
    }

    private func insertLeaves(_ hashes: [MerkleHash], at first: UInt64) async throws {
        try await insertLeafHashes(hashes, at: first)
        try await database.raw("UPDATE tlog_state SET leaf_count = \(bind: Int64(first) + Int64(hashes.count)) WHERE id = 1").run()
    }

    private func insertLeafHashes(_ hashes: [MerkleHash], at first: UInt64) async throws {
        for (offset, chunk) in hashes.chunked(1000).enumerated() {
            let base = Int64(first) + Int64(offset * 1000)
            let rows = chunk.enumerated().map { [Int64(0), base + Int64($0.offset), Data($0.element.bytes)] as [any Encodable & Sendable] }
            try await database.insert(into: "tlog_nodes").columns("level", "idx", "hash").boundRows(rows).run()
        }
    }

    /// Stores interior nodes and advances the integrated size; see ``MerkleStorage/integrate(nodes:upTo:)``.
    public func integrateLog(nodes: [MerkleNode], upTo size: UInt64) async throws {
        let state = try await logState(locking: true)
        guard size <= state.leafCount else {
            throw LogError(.invalidArgument, "cannot integrate up to \(size) leaves; only \(state.leafCount) are stored")
        }
        if let leaf = nodes.first(where: { $0.id.level == 0 }) {
            throw LogError(.invalidArgument, "\(leaf.id) is a leaf; leaves are stored with appendLeaves")
        }
        // Nodes already stored (a repeated integration after a crash) must carry the same hash.
        let stored = try await existingNodes(among: nodes)
        var fresh: [MerkleNode] = []
        fresh.reserveCapacity(nodes.count)
        for node in nodes {
            if let hash = stored[node.id] {
                guard hash == node.hash else {
                    throw LogError(.integrityViolation, "\(node.id) is stored with hash \(hash.hex) but integration computed \(node.hash.hex): the stored tree was altered")
                }
            } else {
                fresh.append(node)
            }
        }
        for chunk in fresh.chunked(1000) {
            let rows = chunk.map { [Int64($0.id.level), Int64($0.id.index), Data($0.hash.bytes)] as [any Encodable & Sendable] }
            try await database.insert(into: "tlog_nodes").columns("level", "idx", "hash").boundRows(rows).run()
        }
        if size > state.integratedSize {
            try await database.raw("UPDATE tlog_state SET integrated_size = \(bind: Int64(size)) WHERE id = 1").run()
        }
    }

    /// The stored nodes among `nodes`, found with one range scan per level.
    private func existingNodes(among nodes: [MerkleNode]) async throws -> [NodeID: MerkleHash] {
        var bounds: [UInt8: (low: UInt64, high: UInt64)] = [:]
        for node in nodes {
            let current = bounds[node.id.level] ?? (node.id.index, node.id.index)
            bounds[node.id.level] = (min(current.low, node.id.index), max(current.high, node.id.index))
        }
        guard !bounds.isEmpty else { return [:] }
        let conditions = bounds.sorted { $0.key < $1.key }.map { entry -> SQLQueryString in
            "(level = \(bind: Int64(entry.key)) AND idx >= \(bind: Int64(entry.value.low)) AND idx <= \(bind: Int64(entry.value.high)))"
        }
        let query: SQLQueryString = "SELECT level, idx, hash FROM tlog_nodes WHERE " + conditions.joined(separator: " OR ")
        var found: [NodeID: MerkleHash] = [:]
        for row in try await database.raw(query).all() {
            let (id, hash) = try Self.node(row)
            found[id] = hash
        }
        return found
    }

    /// The hashes of `ids` in order, in one query; see ``MerkleStorage/hashes(of:)``.
    public func logHashes(of ids: [NodeID]) async throws -> [MerkleHash] {
        guard !ids.isEmpty else { return [] }
        var found: [NodeID: MerkleHash] = [:]
        for chunk in Array(Set(ids)).chunked(200) {
            let conditions = chunk.map { id -> SQLQueryString in "(level = \(bind: Int64(id.level)) AND idx = \(bind: Int64(id.index)))" }
            let query: SQLQueryString = "SELECT level, idx, hash FROM tlog_nodes WHERE " + conditions.joined(separator: " OR ")
            for row in try await database.raw(query).all() {
                let (id, hash) = try Self.node(row)
                found[id] = hash
            }
        }
        return try ids.map { id in
            guard let hash = found[id] else {
                throw LogError(.missingNode, "\(id) is not stored in tlog_nodes; the tree is incomplete — reopen the vault to integrate pending leaves, or restore the log tables")
            }
            return hash
        }
    }

    /// The hashes of consecutive nodes at one level; see ``MerkleStorage/hashes(level:range:)``.
    public func logHashes(level: UInt8, range: Range<UInt64>) async throws -> [MerkleHash] {
        guard !range.isEmpty else { return [] }
        let rows = try await database.raw("SELECT level, idx, hash FROM tlog_nodes WHERE level = \(bind: Int64(level)) AND idx >= \(bind: Int64(range.lowerBound)) AND idx < \(bind: Int64(range.upperBound)) ORDER BY idx").all()
        guard rows.count == range.count else {
            throw LogError(.missingNode, "level \(level) holds \(rows.count) of the nodes \(range.lowerBound)..<\(range.upperBound); the rest are not stored")
        }
        return try rows.enumerated().map { offset, row in
            let (id, hash) = try Self.node(row)
            guard id.index == range.lowerBound + UInt64(offset) else {
                throw LogError(.missingNode, "node (level \(level), index \(range.lowerBound + UInt64(offset))) is not stored")
            }
            return hash
        }
    }

    private static func node(_ row: any SQLRow) throws -> (NodeID, MerkleHash) {
        let level = try row.decode(column: "level", as: Int64.self)
        let index = try row.decode(column: "idx", as: Int64.self)
        let id = NodeID(level: UInt8(clamping: level), index: UInt64(index))
        let bytes = try row.decode(column: "hash", as: Data.self)
        guard let hash = MerkleHash(bytes: bytes) else {
            throw LogError(.integrityViolation, "\(id) is stored with \(bytes.count) bytes instead of a 32-byte hash: the stored tree was altered")
        }
        return (id, hash)
    }

    // MARK: Events

    /// The events committed to `subject`, oldest first.
    public func logEntries(subject: String) async throws -> [LogEntryRow] {
        // Compared whole here, not in SQL; see ``subjects(withIndex:digest:)``.
        try await database.raw("SELECT idx, subject, data FROM tlog_entries WHERE \(unsafeRaw: Probe.logSubject) = \(bind: Probe.prefix(subject)) ORDER BY idx").all()
            .map(Self.entry).filter { $0.subject == subject }
    }

    /// The events at leaf indices `range`, in order.
    public func logEntries(range: Range<UInt64>) async throws -> [LogEntryRow] {
        guard !range.isEmpty else { return [] }
        return try await database.raw("SELECT idx, subject, data FROM tlog_entries WHERE idx >= \(bind: Int64(range.lowerBound)) AND idx < \(bind: Int64(range.upperBound)) ORDER BY idx").all().map(Self.entry)
    }

    private static func entry(_ row: any SQLRow) throws -> LogEntryRow {
        LogEntryRow(index: UInt64(try row.decode(column: "idx", as: Int64.self)),
                    subject: try row.decode(column: "subject", as: String?.self),
                    data: try row.decode(column: "data", as: Data.self))
    }

    // MARK: Subject salts

    // A subject's sealed commitment salt lives in its `subjects` row (`log_salt`), so
    // creating a subject writes one row, and a read finds the salt with the key.

    /// A subject's sealed commitment salt, if one was made.
    public func logSalt(subjectID: String) async throws -> Data? {
        try await database.raw("SELECT log_salt FROM subjects WHERE subject_id = \(bind: subjectID)").first()?.decode(column: "log_salt", as: Data?.self)
    }

    /// The sealed commitment salts of `subjectIDs` that have one.
    public func logSalts(subjectIDs: [String]) async throws -> [String: Data] {
        var found: [String: Data] = [:]
        for chunk in subjectIDs.chunked(500) {
            for row in try await database.raw("SELECT subject_id, log_salt FROM subjects WHERE log_salt IS NOT NULL AND subject_id IN (\(binds: Array(chunk)))").all() {
                found[try row.decode(column: "subject_id", as: String.self)] = try row.decode(column: "log_salt", as: Data.self)
            }
        }
        return found
    }

    /// Stores the sealed salts of subjects that have none yet (subjects created
    /// with ``insertSubjects(_:logSalts:)`` already carry theirs).
    public func insertLogSalts(_ salts: [(subjectID: String, sealed: Data)]) async throws {
        for salt in salts {
            try await database.raw("UPDATE subjects SET log_salt = \(bind: salt.sealed) WHERE subject_id = \(bind: salt.subjectID) AND log_salt IS NULL").run()
        }
    }

    /// Stores a subject's sealed salt unless one exists; returns the stored one.
    /// A concurrent writer that stored one first wins: its row lock makes this update find a salt.
    public func insertLogSalt(subjectID: String, sealed: Data) async throws -> Data {
        try await database.raw("UPDATE subjects SET log_salt = \(bind: sealed) WHERE subject_id = \(bind: subjectID) AND log_salt IS NULL").run()
        return try await logSalt(subjectID: subjectID) ?? sealed
    }

    /// Destroys a subject's salt, so their commitments can no longer be linked to them.
    public func deleteLogSalt(subjectID: String) async throws {
        try await database.raw("UPDATE subjects SET log_salt = NULL WHERE subject_id = \(bind: subjectID)").run()
    }
}
