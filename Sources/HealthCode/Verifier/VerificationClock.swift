import Foundation

/// The source of "now" for time checks, injected so tests can move it.
public struct VerificationClock: Sendable {
    /// Returns the current time in whole seconds since the Unix epoch.
    public var now: @Sendable () -> Int64

    /// Creates a clock from a closure.
    public init(now: @escaping @Sendable () -> Int64) { self.now = now }

    /// The system wall clock.
    public static let system = VerificationClock { Int64(Date().timeIntervalSince1970.rounded(.down)) }

    /// A clock frozen at `seconds` since the epoch.
    public static func fixed(_ seconds: Int64) -> VerificationClock { VerificationClock { seconds } }
}
