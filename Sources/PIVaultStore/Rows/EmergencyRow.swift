import Foundation

/// A stored emergency declaration.
public struct EmergencyRow: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Name.
    public var name: String
    /// The legal instrument.
    public var legalReference: String
    /// Covered purposes.
    public var purposes: [String]
    /// Region, if limited to one.
    public var region: String?
    /// Start.
    public var startsAt: Date
    /// End, if known.
    public var endsAt: Date?

    /// Creates a row.
    public init(id: String, name: String, legalReference: String, purposes: [String], region: String?, startsAt: Date, endsAt: Date?) {
        self.id = id
        self.name = name
        self.legalReference = legalReference
        self.purposes = purposes
        self.region = region
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}
