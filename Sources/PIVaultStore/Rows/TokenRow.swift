import Foundation

/// An API token as stored: its SHA-256 hash, never the token itself.
public struct TokenRow: Sendable, Hashable {
    /// Stable id, e.g. `tok_…`; safe to print and log.
    public var id: String
    /// Lowercase hex SHA-256 of the token.
    public var hash: String
    /// A name for people (`ci`, `clinic front desk`).
    public var name: String
    /// The configuration role the token acts in.
    public var role: String
    /// When it was created.
    public var createdAt: Date
    /// When it stops working, if ever.
    public var expiresAt: Date?
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// Creates a row.
    public init(id: String, hash: String, name: String, role: String, createdAt: Date, expiresAt: Date?, revokedAt: Date?) {
        self.id = id
        self.hash = hash
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token may be used at `date`: not revoked, not expired.
    public func isLive(at date: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { date < $0 } ?? true)
    }
}
