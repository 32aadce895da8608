import Foundation

/// ISO 8601 date and time parsing on the UTC Gregorian calendar, strict about
/// impossible dates (no rollover of 31 February into March).
public enum ISODate {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The date at midnight UTC, or nil when the day does not exist.
    public static func date(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// Parses `YYYY-MM-DD`.
    public static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return date(year: year, month: month, day: day)
    }

    /// Parses an ISO 8601 date-time with `Z` or an offset, with or without fractional seconds.
    public static func parseDateTime(_ text: String) -> Date? {
        let plain = Date.ISO8601FormatStyle()
        if let date = try? plain.parse(text) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? fractional.parse(text)
    }

    /// Formats `YYYY-MM-DD` in UTC.
    public static func formatDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Formats an instant as ISO 8601 UTC with `Z`.
    public static func formatDateTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Whole years between `birth` and `instant` (an age).
    public static func years(from birth: Date, to instant: Date) -> Int {
        calendar.dateComponents([.year], from: birth, to: instant).year ?? 0
    }
}
