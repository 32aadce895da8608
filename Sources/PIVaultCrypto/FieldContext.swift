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

    /// `pivault/field/v1 NUL subject NUL record NUL field`, in UTF-8; built byte by byte
    /// because every field sealed or opened needs it.
    var associatedData: Data {
        var bytes = Data(capacity: Self.prefix.count + subjectID.utf8.count + recordID.utf8.count + fieldPath.utf8.count + 3)
        bytes.append(contentsOf: Self.prefix)
        bytes.append(0)
        bytes.append(contentsOf: subjectID.utf8)
        bytes.append(0)
        bytes.append(contentsOf: recordID.utf8)
        bytes.append(0)
        bytes.append(contentsOf: fieldPath.utf8)
        return bytes
    }

    private static let prefix = Array("pivault/field/v1".utf8)
}
