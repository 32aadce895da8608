import Foundation

/// A stored consent of one subject to one purpose.
public struct ConsentRow: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Subject.
    public var subjectID: String
    /// Purpose.
    public var purpose: String
    /// When given.
    public var grantedAt: Date
    /// When withdrawn.
    public var withdrawnAt: Date?
    /// The notice version shown when it was given (PIPL Art. 14).
    public var noticeVersion: String?
    /// How it was given (e.g. `web-form`, `paper`, `verbal`).
    public var method: String?
    /// For a minor under 14: a reference to the guardian who consented (PIPL Art. 31), never a personal value.
    public var guardian: String?

    /// Creates a row.
    public init(id: String, subjectID: String, purpose: String, grantedAt: Date, withdrawnAt: Date?,
                noticeVersion: String? = nil, method: String? = nil, guardian: String? = nil) {
        self.id = id
        self.subjectID = subjectID
        self.purpose = purpose
        self.grantedAt = grantedAt
        self.withdrawnAt = withdrawnAt
        self.noticeVersion = noticeVersion
        self.method = method
        self.guardian = guardian
    }
}
