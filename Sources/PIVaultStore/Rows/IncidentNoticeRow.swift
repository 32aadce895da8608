import Foundation

/// A breach notice produced for an incident, with its delivery status.
public struct IncidentNoticeRow: Sendable, Hashable {
    /// Incident id.
    public var incidentID: String
    /// Notice id (`authority` or `subject-<id>`).
    public var noticeID: String
    /// `authority` or `subject`.
    public var audience: String
    /// The subject, for a notice to a person.
    public var subjectID: String?
    /// When it was produced.
    public var producedAt: Date
    /// When it was delivered, if it was.
    public var deliveredAt: Date?
    /// Delivery attempts.
    public var attempts: Int
    /// The last delivery error (no personal data).
    public var lastError: String?

    /// Creates a row.
    public init(incidentID: String, noticeID: String, audience: String, subjectID: String?, producedAt: Date, deliveredAt: Date? = nil, attempts: Int = 0, lastError: String? = nil) {
        self.incidentID = incidentID
        self.noticeID = noticeID
        self.audience = audience
        self.subjectID = subjectID
        self.producedAt = producedAt
        self.deliveredAt = deliveredAt
        self.attempts = attempts
        self.lastError = lastError
    }
}
