/// Dates generalised day → month → year → decade → `*`.
public enum AnonymityDateHierarchy {
    /// Parses `YYYY-MM-DD` or `YYYY/MM/DD` into (year, month, day), checking the calendar.
    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == bytes[7], bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }

    static func build(column: AnonymityTable.Column) throws -> AnonymityHierarchy {
        var dates: [(year: Int, month: Int, day: Int)] = []
        dates.reserveCapacity(column.values.count)
        for (index, value) in column.values.enumerated() {
            guard let date = parse(value) else {
                throw AnonymityError(.invalidValue, "column \"\(column.name)\" has a value that is not a calendar date in YYYY-MM-DD form", line: column.firstLines[index])
            }
            dates.append(date)
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return try AnonymityHierarchy(column: column.name, domain: column.values, levelNames: ["month", "year", "decade"]) { index, level in
            let date = dates[index]
            switch level {
            case 1: return "\(pad(date.year, 4))-\(pad(date.month, 2))"
            case 2: return pad(date.year, 4)
            default:
                let decade = date.year / 10 * 10
                return "\(pad(decade, 4))-\(pad(decade + 9, 4))"
            }
        }
    }
}
