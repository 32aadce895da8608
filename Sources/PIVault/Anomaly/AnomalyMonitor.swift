import Foundation
import PIVaultCore
import Synchronization

/// Evaluates the configured anomaly rules on the access stream, in memory:
/// one sliding window per actor and rule (PIPL Art. 51, 57). It only counts;
/// raising, storing and delivering alerts is the vault's job.
final class AnomalyMonitor: Sendable {
    /// What the monitor is shown: one read (permitted, partial or denied) or one transfer.
    struct Observation: Sendable {
        var actor: Actor
        /// The subject read, or nil for a request refused before it named one the vault checked.
        var subject: String?
        var denied: Bool
        var export: Bool
        var time: Date
    }

    /// A rule an observation tripped, with the count seen.
    struct Hit: Sendable, Hashable {
        var rule: AnomalyRule
        var observed: Int
        var baseline: Int
    }

    let policy: AnomalyPolicy
    private let windows = Mutex<[String: [SlidingWindow]]>([:])
    private static let actorLimit = 100_000

    init(policy: AnomalyPolicy) {
        self.policy = policy
    }

    /// Whether any rule is configured.
    var isActive: Bool { !policy.rules.isEmpty }

    /// Counts `observation` under every rule and returns the rules it tripped.
    func observe(_ observation: Observation) -> [Hit] {
        guard isActive else { return [] }
        let time = observation.time.timeIntervalSince1970
        let outsideHours = policy.rules.contains { $0.kind == .outsideHours } && isOutsideHours(observation.time)
        return windows.withLock { windows -> [Hit] in
            if windows[observation.actor.id] == nil, windows.count >= Self.actorLimit { windows.removeAll(keepingCapacity: true) }
            // Taken out of the dictionary so the windows are uniquely referenced and mutate in place, without a copy.
            var actorWindows = windows.removeValue(forKey: observation.actor.id) ?? Array(repeating: SlidingWindow(), count: policy.rules.count)
            var hits: [Hit] = []
            for (index, rule) in policy.rules.enumerated() {
                let window = Double(rule.window)
                let baseline = rule.baseline(for: observation.actor.role)
                let cap = max(10_000, baseline * 4)
                let observed: Int
                switch rule.kind {
                case .distinctSubjects:
                    guard let subject = observation.subject else { continue }
                    actorWindows[index].add(subject, at: time, window: window, cap: cap, countDistinct: true)
                    observed = actorWindows[index].distinctCount
                case .repeatedDenials:
                    guard observation.denied else { continue }
                    actorWindows[index].add("", at: time, window: window, cap: cap, countDistinct: false)
                    observed = actorWindows[index].count
                case .bulkExport:
                    guard observation.export else { continue }
                    actorWindows[index].add("", at: time, window: window, cap: cap, countDistinct: false)
                    observed = actorWindows[index].count
                case .outsideHours:
                    guard outsideHours else { continue }
                    observed = 1
                }
                guard observed > baseline else { continue }
                if let last = actorWindows[index].lastFired, time - last < window { continue }
                actorWindows[index].lastFired = time
                hits.append(Hit(rule: rule, observed: observed, baseline: baseline))
            }
            windows[observation.actor.id] = actorWindows
            return hits
        }
    }

    /// Whether `date` falls outside working hours in the configured time zone.
    func isOutsideHours(_ date: Date) -> Bool {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + policy.timeZone.secondsFromGMT(for: date)
        let minute = ((local % 86400) + 86400) % 86400 / 60
        return !policy.workingMinutes.contains(minute)
    }
}
