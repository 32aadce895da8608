import Foundation

/// An actor suspended by an anomaly alert, until an administrator lifts it.
public struct SuspensionRow: Sendable, Hashable, Codable {
    /// The actor (a token id).
    public var actor: String
    /// The alert that suspended it.
    public var alertID: String
    /// The rule.
    public var ruleID: String
    /// Why, in words (no personal data).
    public var reason: String
    /// When.
    public var suspendedAt: Date

    /// Creates a row.
    public init(actor: String, alertID: String, ruleID: String, reason: String, suspendedAt: Date) {
        self.actor = actor
        self.alertID = alertID
        self.ruleID = ruleID
        self.reason = reason
        self.suspendedAt = suspendedAt
    }
}
