import Foundation

/// What a collection produced: pseudonymous ids and the retention deadline.
public struct CollectionReceipt: Sendable, Hashable, Codable {
    /// The subject's pseudonymous id.
    public var subjectID: String
    /// The new record's id.
    public var recordID: String
    /// When the record must be deleted (PIPL Art. 19).
    public var retainUntil: Date
    /// Whether the subject was created by this collection.
    public var newSubject: Bool
}
