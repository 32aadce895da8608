import Foundation

/// A source of the current time, injected so time-dependent rules are tested by moving the clock.
public protocol VaultClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: VaultClock {
    /// Creates the system clock.
    public init() {}
    /// The current instant.
    public func now() -> Date { Date() }
}
