import Foundation

/// A notice owed to a subject for a record collected under an emergency (PIPL Art. 18).
public struct NoticeOwedRow: Sendable, Hashable {
    /// Subject.
    public var subjectID: String
    /// The record collected without prior notice.
    public var recordID: String
    /// The emergency.
    public var emergencyID: String
    /// The purpose.
    public var purpose: String
    /// When collection happened.
    public var owedSince: Date
    /// When the notice was produced (the emergency ended).
    public var producedAt: Date?
    /// When delivery succeeded.
    public var deliveredAt: Date?
    /// Delivery attempts so far.
    public var attempts: Int
    /// The last delivery error, if any.
    public var lastError: String?

    /// Creates a row.
    public init(subjectID: String, recordID: String, emergencyID: String, purpose: String, owedSince: Date,
                producedAt: Date? = nil, deliveredAt: Date? = nil, attempts: Int = 0, lastError: String? = nil) {
        self.subjectID = subjectID
        self.recordID = recordID
        self.emergencyID = emergencyID
        self.purpose = purpose
        self.owedSince = owedSince
        self.producedAt = producedAt
        self.deliveredAt = deliveredAt
        self.attempts = attempts
        self.lastError = lastError
    }
}
