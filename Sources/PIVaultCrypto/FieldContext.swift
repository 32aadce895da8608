import Foundation

/// Where a sealed value belongs: subject, record and field path. Bound into
/// each ciphertext as associated data, so a value copied to another row fails to open.
public struct FieldContext: Sendable, Hashable {
    /// The subject's pseudonymous id.
    public var subjectID: String
    /// The record id.
    public var recordID: String
    /// The field path, e.g. `resident_id`.
    public var fieldPath: String

    /// Creates a context.
    public init(subjectID: String, recordID: String, fieldPath: String) {
        self.subjectID = subjectID
        self.recordID = recordID
        self.fieldPath = fieldPath
    }

    var associatedData: Data {
        Data("pivault/field/v1\u{0}\(subjectID)\u{0}\(recordID)\u{0}\(fieldPath)".utf8)
    }
}
