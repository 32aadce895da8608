import Foundation

/// A master-key version the vault knows, by its check value (never the key).
public struct KeyVersionRow: Sendable, Hashable {
    /// Version number.
    public var version: Int
    /// Key check value.
    public var checkValue: String
    /// When it was introduced.
    public var createdAt: Date
    /// When it was retired, if it was.
    public var retiredAt: Date?

    /// Creates a row.
    public init(version: Int, checkValue: String, createdAt: Date, retiredAt: Date?) {
        self.version = version
        self.checkValue = checkValue
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }
}
