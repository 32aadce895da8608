import Logging
@testable import PIVaultServer
import PIVaultTestSupport
import Synchronization
import Testing

/// The server's scheduled work — retention sweeps (PIPL Art. 19, 47), checkpoints (C2SP
/// tlog-checkpoint) and suspension reloads (PIPL Art. 51) — runs through one loop.
@Suite("Periodic server work (PIPL Art. 19, 47, 51)")
struct PeriodicServiceTests {
    final class Rounds: Sendable {
        let count = Mutex(0)
        func next() -> Int { count.withLock { $0 += 1; return $0 } }
        var value: Int { count.withLock { $0 } }
    }

    /// An error whose text holds a mobile number, as a store error might.
    struct RoundFailure: Error, CustomStringConvertible {
        var description: String { "could not process +8613800138000" }
    }

    @Test("A failed round is logged by its error's type only, never its text, and the work runs again (no personal data in logs)")
    func failedRoundIsRetried() async throws {
        let logs = CapturedLogs()
        let rounds = Rounds()
        let service = PeriodicService(interval: .milliseconds(5), firstRound: .atStart, failure: "work failed; retrying", logger: logs.logger()) {
            if rounds.next() == 1 { throw RoundFailure() }
        }
        let running = Task { await service.run() }
        // Bounded generously: the whole suite shares two cores, and a busy pool delays scheduling.
        for _ in 0..<6000 where rounds.value < 3 { try await Task.sleep(for: .milliseconds(10)) }
        running.cancel()
        await running.value

        #expect(rounds.value >= 3)
        let warnings = logs.all.filter { $0.contains("work failed; retrying") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("RoundFailure") == true)
        #expect(!logs.all.joined().contains("13800138000"))
    }

    @Test("A service that starts after one interval has not run before it; cancellation ends it without waiting out the interval",
          .timeLimit(.minutes(5)))
    func firstRoundAfterInterval() async throws {
        let rounds = Rounds()
        let interval = Duration.seconds(120)
        let service = PeriodicService(interval: interval, firstRound: .afterInterval, failure: "unused", logger: CapturedLogs().logger()) {
            _ = rounds.next()
        }
        let started = ContinuousClock.now
        let running = Task { await service.run() }
        try await Task.sleep(for: .milliseconds(50))
        running.cancel()
        await running.value
        #expect(rounds.value == 0)
        // Waiting out the interval would take at least 120 s; scheduling on a loaded machine takes far less.
        #expect(ContinuousClock.now - started < interval)
    }

    @Test("A service that starts at once runs its first round before the first interval has passed")
    func firstRoundAtStart() async throws {
        let rounds = Rounds()
        let service = PeriodicService(interval: .seconds(120), firstRound: .atStart, failure: "unused", logger: CapturedLogs().logger()) {
            _ = rounds.next()
        }
        let running = Task { await service.run() }
        for _ in 0..<6000 where rounds.value == 0 { try await Task.sleep(for: .milliseconds(10)) }
        running.cancel()
        await running.value
        #expect(rounds.value == 1)
    }
}
