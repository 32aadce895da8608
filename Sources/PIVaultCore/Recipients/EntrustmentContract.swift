import Foundation

/// The contract an entrusted processor works under (PIPL Art. 21): its
/// period, the purposes it serves and the categories it may receive. Access
/// ends with the contract.
public struct EntrustmentContract: Sendable, Hashable {
    /// First day of the contract.
    public var from: Date
    /// The contract's last day (it runs to the end of that day); nil for an open-ended contract.
    public var until: Date?
    /// The purposes the processor serves; empty means any purpose that names it.
    public var purposes: [String]
    /// The data categories the processor may receive.
    public var categories: [String]

    /// Creates a contract.
    public init(from: Date, until: Date?, purposes: [String], categories: [String]) {
        self.from = from
        self.until = until
        self.purposes = purposes
        self.categories = categories
    }

    /// Whether the contract is in force at `date`.
    public func isInForce(at date: Date) -> Bool {
        date >= from && (until.map { date < $0.addingTimeInterval(86400) } ?? true)
    }
}
