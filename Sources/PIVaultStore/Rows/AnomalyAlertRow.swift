import Foundation

/// A stored anomaly alert: which rule an actor tripped, with the count seen
/// against the baseline. Actors are token or staff ids, never personal values.
public struct AnomalyAlertRow: Sendable, Hashable, Codable {
    /// Id (`alr_…`).
    public var id: String
    /// The rule's id.
    public var ruleID: String
    /// The rule's kind.
    public var kind: String
    /// The actor.
    public var actor: String
    /// The actor's role.
    public var role: String
    /// Events seen within the window.
    public var observed: Int
    /// Events normal within the window.
    public var baseline: Int
    /// The window, in seconds.
    public var windowSeconds: Int
    /// When the alert was raised.
    public var raisedAt: Date
    /// Whether it suspended the actor.
    public var suspended: Bool

    /// Creates a row.
    public init(id: String, ruleID: String, kind: String, actor: String, role: String, observed: Int, baseline: Int, windowSeconds: Int, raisedAt: Date, suspended: Bool) {
        self.id = id
        self.ruleID = ruleID
        self.kind = kind
        self.actor = actor
        self.role = role
        self.observed = observed
        self.baseline = baseline
        self.windowSeconds = windowSeconds
        self.raisedAt = raisedAt
        self.suspended = suspended
    }
}
