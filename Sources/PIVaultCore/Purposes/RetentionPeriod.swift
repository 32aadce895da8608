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

    /// The deadline for a record collected at `start`, on the UTC Gregorian
    /// calendar; a month or year added to the 31st lands on the month's last day.
    public func deadline(from start: Date) -> Date {
        let seconds = start.timeIntervalSince1970
        let days = Int((seconds / 86_400).rounded(.down))
        let timeOfDay = seconds - Double(days) * 86_400
        switch unit {
        case .days:
            return start.addingTimeInterval(Double(value) * 86_400)
        case .months, .years:
            let civil = ISODate.civil(fromDays: days)
            let totalMonths = civil.year * 12 + (civil.month - 1) + (unit == .months ? value : value * 12)
            let year = totalMonths / 12
            let month = totalMonths % 12 + 1
            let day = min(civil.day, ISODate.daysInMonth(year: year, month: month))
            let target = ISODate.daysFromCivil(year: year, month: month, day: day)
            return Date(timeIntervalSince1970: Double(target) * 86_400 + timeOfDay)
        }
    }

    /// The configuration spelling, e.g. `180d`.
    public var description: String { "\(value)\(unit.rawValue)" }
}
