import Foundation

/// A stored incident record (PIPL Art. 57). Holds categories, counts and
/// descriptions, never a personal value.
public struct IncidentRow: Sendable, Hashable {
    /// Id (`inc_…`).
    public var id: String
    /// What happened.
    public var summary: String
    /// When it happened.
    public var occurredAt: Date
    /// When it was discovered.
    public var discoveredAt: Date
    /// When it was recorded.
    public var recordedAt: Date
    /// Who recorded it (a staff id or token id).
    public var recordedBy: String
    /// Data categories involved.
    public var categories: [String]
    /// How many people are affected (at least the subjects listed).
    public var affectedCount: Int
    /// The cause.
    public var cause: String
    /// The possible harm.
    public var harm: String
    /// Remedies taken.
    public var measures: String
    /// What the people affected can do; empty for the general advice the notices give.
    public var advice: String
    /// When the notices were produced, if they were.
    public var notifiedAt: Date?
    /// Why the people affected are not notified (PIPL Art. 57(2): the measures taken effectively
    /// avoid harm); nil when they are. The authority may still require notification.
    public var individualsExemption: String?

    /// Creates a row.
    public init(id: String, summary: String, occurredAt: Date, discoveredAt: Date, recordedAt: Date, recordedBy: String, categories: [String],
                affectedCount: Int, cause: String, harm: String, measures: String, advice: String, notifiedAt: Date?, individualsExemption: String? = nil) {
        self.id = id
        self.summary = summary
        self.occurredAt = occurredAt
        self.discoveredAt = discoveredAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.categories = categories
        self.affectedCount = affectedCount
        self.cause = cause
        self.harm = harm
        self.measures = measures
        self.advice = advice
        self.notifiedAt = notifiedAt
        self.individualsExemption = individualsExemption
    }
}
