import Foundation

/// Proof of a deletion: what was deleted, why, under which article, when. No personal data.
public struct DeletionReceiptRow: Sendable, Hashable, Codable {
    /// Receipt id.
    public var id: String
    /// Subject.
    public var subjectID: String
    /// The record deleted, or nil when the whole subject was erased.
    public var recordID: String?
    /// Its standard.
    public var standard: String?
    /// Its purpose.
    public var purpose: String?
    /// Why (e.g. `retention period ended`).
    public var reason: String
    /// The article applied.
    public var article: String
    /// When.
    public var deletedAt: Date

    /// Creates a row.
    public init(id: String, subjectID: String, recordID: String?, standard: String?, purpose: String?, reason: String, article: String, deletedAt: Date) {
        self.id = id
        self.subjectID = subjectID
        self.recordID = recordID
        self.standard = standard
        self.purpose = purpose
        self.reason = reason
        self.article = article
        self.deletedAt = deletedAt
    }
}
