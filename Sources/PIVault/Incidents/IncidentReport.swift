import Foundation

/// An incident as staff report it (PIPL Art. 57): what happened and when,
/// the categories involved, who is affected, the cause, the possible harm,
/// the measures taken and what the people affected can do. Descriptions,
/// categories and pseudonymous subject ids only — never a personal value.
public struct IncidentReport: Sendable, Hashable, Codable {
    /// What happened.
    public var summary: String
    /// When it happened.
    public var occurredAt: Date
    /// When it was discovered; defaults to when it is recorded.
    public var discoveredAt: Date?
    /// The data categories involved (at least one).
    public var categories: [String]
    /// The subjects affected, by id.
    public var subjects: [String]
    /// How many people are affected, where more than the listed subjects (an estimate).
    public var affectedCount: Int?
    /// The cause.
    public var cause: String
    /// The harm that may follow.
    public var harm: String
    /// The remedies taken.
    public var measures: String
    /// What the people affected can do to reduce the harm.
    public var advice: String?

    /// Creates a report.
    public init(summary: String, occurredAt: Date, discoveredAt: Date? = nil, categories: [String], subjects: [String] = [], affectedCount: Int? = nil,
                cause: String, harm: String, measures: String, advice: String? = nil) {
        self.summary = summary
        self.occurredAt = occurredAt
        self.discoveredAt = discoveredAt
        self.categories = categories
        self.subjects = subjects
        self.affectedCount = affectedCount
        self.cause = cause
        self.harm = harm
        self.measures = measures
        self.advice = advice
    }
}
