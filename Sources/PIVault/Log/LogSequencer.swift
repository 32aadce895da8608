import Foundation
import Logging
import PIVaultCore
import PIVaultStore
import TransparencyLog

/// The one path into the log: gathers the events of concurrent callers into
/// batches, stores each batch (events and leaf hashes) in one transaction,
/// and only then answers the callers with their leaf indices.
///
/// An answered event is durable: it is committed with its leaf. Integration
/// into the tree follows, after a run of batches or when the queue is idle,
/// and is redone for any stored leaf when the log is next opened, so a crash
/// between storing and integrating loses nothing.
actor LogSequencer {
    private struct Waiting {
        var entries: [(subject: String?, data: Data)]
        var continuation: CheckedContinuation<UInt64, any Error>
    }

    private let store: VaultStore
    private let log: MerkleLog<SQLMerkleStorage>
    private let logger: Logger
    private var queue: [Waiting] = []
    private var draining = false
    private var unintegrated = 0
    private var closed = false
    /// Events per transaction at most; larger groups from one caller are never split.
    private let batchLimit = 8192
    /// Integrate at least this often under sustained load.
    private let integrationInterval = 16_384

    init(store: VaultStore, log: MerkleLog<SQLMerkleStorage>, logger: Logger) {
        self.store = store
        self.log = log
        self.logger = logger
    }

    /// Appends events and returns the first leaf index they received (they are consecutive).
    ///
    /// - Throws: ``VaultError/Code/storageUnavailable`` once the sequencer is closed.
    func append(_ entries: [(subject: String?, data: Data)]) async throws -> UInt64 {
        guard !closed else {
            throw VaultError(.storageUnavailable, "the vault is closed, so nothing more can enter its transparency log; open it again")
        }
        return try await withCheckedThrowingContinuation { continuation in
            queue.append(Waiting(entries: entries, continuation: continuation))
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            var count = 0
            var taken = 0
            while taken < queue.count, count == 0 || count + queue[taken].entries.count <= batchLimit {
                count += queue[taken].entries.count
                taken += 1
            }
            let batch = Array(queue.prefix(taken))
            queue.removeFirst(taken)
            let entries = batch.flatMap(\.entries)
            do {
                let first = try await store.write { try await $0.appendLogEntries(entries) }
                var next = first
                for waiting in batch {
                    waiting.continuation.resume(returning: next)
                    next += UInt64(waiting.entries.count)
                }
                unintegrated += entries.count
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
            if queue.isEmpty || unintegrated >= integrationInterval {
                await integrate()
            }
        }
        draining = false
    }

    /// Waits for queued events to be stored, then integrates them (before the store closes).
    func finish() async {
        while draining { try? await Task.sleep(for: .milliseconds(1)) }
        if unintegrated > 0 { await integrate() }
    }

    /// Refuses further events, then finishes what is queued. Returns false
    /// when it was already closed, so the vault closes its store only once.
    func close() async -> Bool {
        guard !closed else { return false }
        closed = true
        await finish()
        return true
    }

    private func integrate() async {
        do {
            try await log.integrate()
            unintegrated = 0
        } catch {
            // The events are stored; the next integration (or the next open) completes the tree.
            logger.warning("transparency log integration deferred", metadata: ["error": "\(error)"])
        }
    }
}
