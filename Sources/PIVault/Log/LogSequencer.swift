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
    private var integrationScheduled = false
    /// Events per transaction at most; larger groups from one caller are never split.
    private let batchLimit = 8192
    /// Integrate at least this often under sustained load.
    private let integrationInterval = 16_384
    /// How long after a batch pending events are integrated.
    private let integrationDelay = Duration.milliseconds(20)

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

    /// Notes events another transaction stored itself (with the data they
    /// describe), so that integration follows as for queued ones.
    func appended(_ count: Int) {
        guard count > 0 else { return }
        unintegrated += count
        scheduleIntegration()
    }

    private func drain() async {
        while !queue.isEmpty {
            await storeNextBatch()
            if unintegrated >= integrationInterval { await integrate() }
        }
        draining = false
        scheduleIntegration()
    }

    /// Integrates pending events a little later, so a run of small batches is
    /// integrated once: stored events are already durable, and checkpoints
    /// integrate before they are signed.
    private func scheduleIntegration() {
        guard unintegrated > 0, !integrationScheduled, !closed else { return }
        integrationScheduled = true
        Task {
            try? await Task.sleep(for: integrationDelay)
            await integrateScheduled()
        }
    }

    private func integrateScheduled() async {
        let integrated = unintegrated > 0 ? await integrate() : true
        integrationScheduled = false
        // Events stored meanwhile get their own turn; after a failure the next batch retries.
        if integrated { scheduleIntegration() }
    }

    private func storeNextBatch() async {
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
    }

    /// Waits for queued events to be stored, then integrates them (before the store closes).
    func finish() async {
        while draining || integrationScheduled { try? await Task.sleep(for: .milliseconds(1)) }
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

    @discardableResult
    private func integrate() async -> Bool {
        let pending = unintegrated
        do {
            try await log.integrate()
            // Events stored while integrating may not be in the tree yet: they stay pending.
            unintegrated -= min(pending, unintegrated)
            return true
        } catch {
            // The events are stored; the next integration (or the next open) completes the tree.
            logger.warning("transparency log integration deferred", metadata: ["error": "\(error)"])
            return false
        }
    }
}
