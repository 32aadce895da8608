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

    /// Creates a row.
    public init(id: String, subjectID: String, purpose: String, grantedAt: Date, withdrawnAt: Date?) {
        self.id = id
        self.subjectID = subjectID
        self.purpose = purpose
        self.grantedAt = grantedAt
        self.withdrawnAt = withdrawnAt
    }
}
