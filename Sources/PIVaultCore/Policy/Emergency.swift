import Foundation

/// A declared public-health emergency, the only time PIPL Art. 13(4) is a valid basis.
public struct Emergency: Sendable, Hashable {
    /// Identifier.
    public var id: String
    /// Its name, e.g. an outbreak's designation.
    public var name: String
    /// The legal instrument that declared it.
    public var legalReference: String
    /// The purposes it covers.
    public var purposes: [String]
    /// When it started.
    public var startsAt: Date
    /// When it ended or will end, if known.
    public var endsAt: Date?

    /// Creates an emergency.
    public init(id: String, name: String, legalReference: String, purposes: [String], startsAt: Date, endsAt: Date? = nil) {
        self.id = id
        self.name = name
        self.legalReference = legalReference
        self.purposes = purposes
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// Whether the emergency covers `purpose` at `instant`.
    public func covers(_ purpose: String, at instant: Date) -> Bool {
        guard purposes.contains(purpose), startsAt <= instant else { return false }
        if let endsAt, endsAt <= instant { return false }
        return true
    }
}
