import Foundation

/// Proof that a subject was erased: what was destroyed and when. No personal data.
public struct ErasureReceipt: Sendable, Hashable, Codable {
    /// The subject's pseudonymous id.
    public var subjectID: String
    /// When the data key was destroyed.
    public var erasedAt: Date
    /// How many records were deleted.
    public var recordsDeleted: Int
    /// The rule applied.
    public var article: String
}
