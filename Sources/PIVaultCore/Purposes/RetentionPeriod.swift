import Foundation

/// How long records collected for a purpose may be kept (PIPL Art. 19).
public struct RetentionPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a retention period.
    public enum Unit: String, Sendable, Hashable {
        case days = "d", months = "m", years = "y"
    }

    /// How many units.
    public var value: Int
    /// The unit.
    public var unit: Unit

    /// Creates a period.
    public init(value: Int, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Parses `30d`, `6m` or `5y`; nil when the text is not of that form or not positive.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)),
              let value = Int(trimmed.dropLast()), value > 0, value <= 1000 * 366 else { return nil }
        self.init(value: value, unit: unit)
    }

    /// The deadline for a record collected at `start`, on the UTC Gregorian calendar.
    public func deadline(from start: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        switch unit {
        case .days: components.day = value
        case .months: components.month = value
        case .years: components.year = value
        }
        return calendar.date(byAdding: components, to: start) ?? start
    }

    /// The configuration spelling, e.g. `180d`.
    public var description: String { "\(value)\(unit.rawValue)" }
}
