import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A token bucket per API token: `burst` requests at once, refilled at
/// `requestsPerSecond`. Time comes from an injected monotonic source so
/// tests move it by hand.
public final class RateLimiter: Sendable {
    private struct Bucket: Sendable {
        var tokens: Double
        var updatedAt: Double
    }

    private let limit: ServerConfiguration.RateLimit
    private let seconds: @Sendable () -> Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(limit: ServerConfiguration.RateLimit, seconds: @escaping @Sendable () -> Double = RateLimiter.monotonicSeconds) {
        self.limit = limit
        self.seconds = seconds
    }

    /// Takes one request from `key`'s bucket: nil when allowed, otherwise the
    /// whole seconds to wait before the next request will be allowed.
    func take(_ key: String) -> Int? {
        guard limit.isEnabled else { return nil }
        let now = seconds()
        let capacity = max(limit.burst, 1)
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updatedAt: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updatedAt) * limit.requestsPerSecond)
            bucket.updatedAt = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / limit.requestsPerSecond).rounded(.up)))
        }
    }

    /// Seconds on the system's monotonic clock.
    @Sendable public static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
