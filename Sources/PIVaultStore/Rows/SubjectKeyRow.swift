import Foundation

/// A subject's row: its wrapped data key, or the fact that it was erased.
public struct SubjectKeyRow: Sendable {
    /// The subject.
    public var subjectID: String
    /// The master-key version wrapping the data key; nil once erased.
    public var keyVersion: Int?
    /// The wrapped data key; nil once erased (crypto-shredded).
    public var wrappedKey: Data?
    /// When the subject was erased.
    public var erasedAt: Date?
    /// The subject's sealed transparency-log commitment salt, where the query fetched it.
    public var logSalt: Data?

    /// Creates a row.
    public init(subjectID: String, keyVersion: Int?, wrappedKey: Data?, erasedAt: Date?, logSalt: Data? = nil) {
        self.subjectID = subjectID
        self.logSalt = logSalt
        self.keyVersion = keyVersion
        self.wrappedKey = wrappedKey
        self.erasedAt = erasedAt
    }
}
