/// Events of one actor under one rule within a sliding time window: appends
/// and evictions are amortised O(1), and the distinct count is kept up to
/// date, so evaluating a rule on every read costs a few dictionary operations.
struct SlidingWindow: Sendable {
    private var times: [Double] = []
    private var keys: [String] = []
    private var head = 0
    private var distinct: [String: Int] = [:]
    /// When the rule last fired for this actor (a hit is not repeated within the window).
    var lastFired: Double?

    /// Events still inside the window.
    var count: Int { times.count - head }
    /// Distinct keys still inside the window.
    var distinctCount: Int { distinct.count }

    /// Adds an event at `time` and drops those older than `window` seconds.
    /// At most `cap` events are kept: past that the rule has long fired.
    mutating func add(_ key: String, at time: Double, window: Double, cap: Int, countDistinct: Bool) {
        evict(before: time - window, countDistinct: countDistinct)
        guard count < cap else { return }
        times.append(time)
        keys.append(countDistinct ? key : "")
        if countDistinct { distinct[key, default: 0] += 1 }
    }

    private mutating func evict(before cutoff: Double, countDistinct: Bool) {
        while head < times.count, times[head] <= cutoff {
            if countDistinct {
                let key = keys[head]
                if let n = distinct[key] { distinct[key] = n > 1 ? n - 1 : nil }
            }
            head += 1
        }
        // Compact once the dead prefix dominates, keeping appends amortised O(1).
        if head > 64, head * 2 > times.count {
            times.removeFirst(head)
            keys.removeFirst(head)
            head = 0
        }
    }
}
