import Foundation

/// A record's metadata and its sealed fields, as written.
public struct StoredRecord: Sendable {
    /// Owner.
    public var subjectID: String
    /// Record id.
    public var recordID: String
    /// Collection standard.
    public var standard: String
    /// Purpose it was collected for.
    public var purpose: String
    /// When it was collected.
    public var collectedAt: Date
    /// Its retention deadline.
    public var retainUntil: Date
    /// Sealed values by field path.
    public var sealedFields: [String: Data]
    /// Blind-index digests by index kind.
    public var blindIndexes: [(kind: String, digest: String)]

    /// Creates a record.
    public init(subjectID: String, recordID: String, standard: String, purpose: String, collectedAt: Date, retainUntil: Date,
                sealedFields: [String: Data], blindIndexes: [(kind: String, digest: String)]) {
        self.subjectID = subjectID
        self.recordID = recordID
        self.standard = standard
        self.purpose = purpose
        self.collectedAt = collectedAt
        self.retainUntil = retainUntil
        self.sealedFields = sealedFields
        self.blindIndexes = blindIndexes
    }
}
