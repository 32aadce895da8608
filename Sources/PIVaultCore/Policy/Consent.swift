import Foundation

/// A subject's consent to one purpose (PIPL Art. 14–15).
public struct Consent: Sendable, Hashable {
    /// The purpose consented to (a consent covers that purpose alone).
    public var purpose: String
    /// When it was given.
    public var grantedAt: Date
    /// When it was withdrawn, if it was.
    public var withdrawnAt: Date?
    /// The version of the notice shown when it was given (PIPL Art. 14).
    public var noticeVersion: String?

    /// Creates a consent.
    public init(purpose: String, grantedAt: Date, withdrawnAt: Date? = nil, noticeVersion: String? = nil) {
        self.purpose = purpose
        self.grantedAt = grantedAt
        self.withdrawnAt = withdrawnAt
        self.noticeVersion = noticeVersion
    }

    /// Whether the consent permits processing at `instant`.
    public func isLive(at instant: Date) -> Bool {
        guard grantedAt <= instant else { return false }
        if let withdrawnAt, withdrawnAt <= instant { return false }
        return true
    }
}
