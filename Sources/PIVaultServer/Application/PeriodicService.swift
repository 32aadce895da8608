import Logging
import ServiceLifecycle

/// Work the server repeats every `interval` until a graceful shutdown. A round
/// that fails is logged by its error's type only (a message may name a subject)
/// and the work is tried again at the next round.
struct PeriodicService: Service {
    /// Whether the first round runs at start or after one interval.
    enum FirstRound: Sendable {
        case atStart
        case afterInterval
    }

    let interval: Duration
    let firstRound: FirstRound
    /// The warning written when a round fails, e.g. "checkpoint not published; retrying".
    let failure: Logger.Message
    let logger: Logger
    let round: @Sendable () async throws -> Void

    func run() async {
        await cancelWhenGracefulShutdown { [self] in
            if firstRound == .afterInterval { try? await Task.sleep(for: interval) }
            while !Task.isCancelled {
                do {
                    try await round()
                } catch {
                    logger.warning(failure, metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
