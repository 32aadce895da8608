import Foundation

/// One sealed field of a subject's record, as fetched for a read.
public struct SealedField: Sendable {
    /// Record id.
    public var recordID: String
    /// Collection standard of the record.
    public var standard: String
    /// When the record was collected.
    public var collectedAt: Date
    /// Field path.
    public var field: String
    /// Nonce ‖ ciphertext ‖ tag.
    public var ciphertext: Data

    /// Creates a sealed field.
    public init(recordID: String, standard: String, collectedAt: Date, field: String, ciphertext: Data) {
        self.recordID = recordID
        self.standard = standard
        self.collectedAt = collectedAt
        self.field = field
        self.ciphertext = ciphertext
    }
}
