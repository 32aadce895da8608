import Synchronization

/// Read connections handed out one task at a time, without a hop when one
/// is free; waiters are served in arrival order.
final class SQLiteReaderPool: Sendable {
    private struct State {
        var idle: [SQLiteDirectConnection]
        var waiters: [CheckedContinuation<SQLiteDirectConnection, Never>] = []
    }

    private let state: Mutex<State>
    let count: Int

    init(_ connections: [SQLiteDirectConnection]) {
        state = Mutex(State(idle: connections))
        count = connections.count
    }

    /// Runs `body` with a connection nobody else is using.
    func withConnection<T>(_ body: (SQLiteDirectConnection) async throws -> T) async throws -> T {
        let connection = await acquire()
        defer { release(connection) }
        return try await body(connection)
    }

    /// Waits for every connection to come back, then closes them all. They
    /// stay in the pool, closed, so a later read fails at once instead of waiting.
    func close() async {
        var connections: [SQLiteDirectConnection] = []
        for _ in 0..<count { connections.append(await acquire()) }
        for connection in connections {
            connection.close()
            release(connection)
        }
    }

    private func acquire() async -> SQLiteDirectConnection {
        if let free = state.withLock({ $0.idle.popLast() }) { return free }
        return await withCheckedContinuation { waiter in
            let free = state.withLock { state -> SQLiteDirectConnection? in
                if let free = state.idle.popLast() { return free }
                state.waiters.append(waiter)
                return nil
            }
            if let free { waiter.resume(returning: free) }
        }
    }

    private func release(_ connection: SQLiteDirectConnection) {
        let waiter = state.withLock { state -> CheckedContinuation<SQLiteDirectConnection, Never>? in
            if state.waiters.isEmpty {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }
}
