/// Runs the writes of concurrent callers together: while one group is being
/// committed, later arrivals queue, and the next group commits them all in
/// one transaction (group commit).
///
/// A group either commits as a whole or, when it fails, each of its items is
/// retried alone, so one caller's bad item never fails another's: every
/// caller gets exactly the outcome its own item would have had alone.
actor GroupCommit<Item: Sendable> {
    private struct Waiting {
        var item: Item
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let commit: @Sendable ([Item]) async throws -> Void
    private let weight: @Sendable (Item) -> Int
    private let limit: Int
    private var queue: [Waiting] = []
    private var running = false

    /// - Parameters:
    ///   - limit: The most weight in one group (a heavier item still goes alone).
    ///   - weight: An item's weight, e.g. its number of rows.
    ///   - commit: Writes a group of items in one transaction, all or nothing.
    init(limit: Int, weight: @escaping @Sendable (Item) -> Int, commit: @escaping @Sendable ([Item]) async throws -> Void) {
        self.limit = limit
        self.weight = weight
        self.commit = commit
    }

    /// Writes `item`, with whatever else is waiting; returns once it is committed.
    func write(_ item: Item) async throws {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Waiting(item: item, continuation: continuation))
            if !running {
                running = true
                Task { await run() }
            }
        }
    }

    private func run() async {
        while !queue.isEmpty {
            var total = 0
            var taken = 0
            while taken < queue.count, taken == 0 || total + weight(queue[taken].item) <= limit {
                total += weight(queue[taken].item)
                taken += 1
            }
            let group = Array(queue.prefix(taken))
            queue.removeFirst(taken)
            do {
                try await commit(group.map(\.item))
                for waiting in group { waiting.continuation.resume() }
            } catch {
                guard group.count > 1 else {
                    group[0].continuation.resume(throwing: error)
                    continue
                }
                for waiting in group {
                    do {
                        try await commit([waiting.item])
                        waiting.continuation.resume()
                    } catch {
                        waiting.continuation.resume(throwing: error)
                    }
                }
            }
        }
        running = false
    }
}
