import Foundation
import Synchronization

/// A clock that stands still until moved; for tests and simulations.
public final class ManualClock: VaultClock {
    private let instant: Mutex<Date>

    /// Creates a clock at `start`.
    public init(_ start: Date) { instant = Mutex(start) }

    /// The clock's current instant.
    public func now() -> Date { instant.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) { instant.withLock { $0 += interval } }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { instant.withLock { $0 = date } }
}
