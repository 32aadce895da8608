import Foundation

/// A record's identity and metadata, without its values.
public struct RecordRef: Sendable, Hashable {
    /// Subject.
    public var subjectID: String
    /// Record.
    public var recordID: String
    /// Standard.
    public var standard: String
    /// Purpose of collection.
    public var purpose: String
    /// Retention deadline.
    public var retainUntil: Date

    /// Creates a reference.
    public init(subjectID: String, recordID: String, standard: String, purpose: String, retainUntil: Date) {
        self.subjectID = subjectID
        self.recordID = recordID
        self.standard = standard
        self.purpose = purpose
        self.retainUntil = retainUntil
    }
}
