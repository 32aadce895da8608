/// Parses the many timestamp spellings found in test contexts.
///
/// Accepted: ISO 8601 / RFC 3339 with `T` or a space, any number of
/// fraction digits, and a zone of `Z`, `±hh:mm`, `±hhmm`, `±hh`, `UTC`/`GMT`
/// or none (then UTC, as the EU test suite assumes); a bare date; `/` or `.`
/// as date separators; the basic format (`20210503T180000Z`); day-first
/// dates (`03.05.2021 18:00:00`); RFC 1123 dates ("Mon, 03 May 2021 18:00:00 GMT"); and
/// plain Unix seconds or milliseconds.
public enum TimestampParser {
    /// Seconds since the Unix epoch (with fraction), or `nil` if unrecognised.
    public static func epochSeconds(_ raw: String) -> Double? {
        let text = raw.trimmingSpaces()
        if let seconds = Double(text), !text.contains("-") || text.hasPrefix("-"), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            // 8-digit numbers are more likely yyyyMMdd than a 1970 timestamp;
            // beyond 10^11 the number is in milliseconds (year 5138 otherwise).
            if text.count != 8 { return abs(seconds) > 1e11 ? seconds / 1000 : seconds }
        }
        if let rfc1123 = parseRFC1123(text) { return rfc1123 }
        if let iso = parseISO(Array(text.utf8)) { return iso }
        return parseDayFirst(text)
    }

    static func parseISO(_ s: [UInt8]) -> Double? {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= s.count else { return nil }
            var v = 0
            for k in 0..<count {
                let c = s[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += count
            return v
        }
        func skip(_ chars: String) -> Bool {
            if i < s.count, chars.utf8.contains(s[i]) { i += 1; return true }
            return false
        }
        guard let year = digits(4) else { return nil }
        let separated = skip("-/.")
        guard let month = digits(2) else { return nil }
        if separated { _ = skip("-/.") }
        guard let day = digits(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day) * 86_400)
        if i == s.count { return seconds }
        guard skip("T ") else { return nil }
        guard let hour = digits(2) else { return nil }
        _ = skip(":")
        guard let minute = digits(2) else { return nil }
        var second = 0
        if skip(":") {
            guard let sec = digits(2) else { return nil }
            second = sec
        } else if let sec = digits(2) {
            second = sec  // basic format: hhmmss
        }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if skip(".,") {
            var scale = 0.1
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                seconds += Double(s[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        while i < s.count, s[i] == 0x20 { i += 1 }
        if i == s.count { return seconds }
        let rest = String(decoding: s[i...], as: UTF8.self)
        if rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" { return seconds }
        guard skip("+-") else { return nil }
        let sign: Double = s[i - 1] == UInt8(ascii: "-") ? 1 : -1
        guard let offsetHours = digits(2) else { return nil }
        var offsetMinutes = 0
        if i < s.count {
            _ = skip(":")
            guard let m = digits(2) else { return nil }
            offsetMinutes = m
        }
        guard i == s.count else { return nil }
        return seconds + sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// `dd.MM.yyyy` with an optional time, as written in much of Europe.
    static func parseDayFirst(_ text: String) -> Double? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return nil }
        let date = first.split(separator: ".").map(String.init)
        guard date.count == 3, date[0].count <= 2, date[1].count <= 2, date[2].count == 4,
            let day = Int(date[0]), let month = Int(date[1]), let year = Int(date[2])
        else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let iso = "\(year)-\(two(month))-\(two(day))" + (parts.count > 1 ? "T" + parts[1] : "")
        return parseISO(Array(iso.utf8))
    }

    static func parseRFC1123(_ text: String) -> Double? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.replacingCommas().split(separator: " ").map(String.init)
        guard parts.count >= 4 else { return nil }
        let fields = parts[0].first?.isLetter == true && parts[0].count == 3 && months.firstIndex(of: parts[0].lowercased()) == nil ? Array(parts.dropFirst()) : parts
        guard fields.count >= 4, let day = Int(fields[0]), let monthIndex = months.firstIndex(of: fields[1].lowercased()), let year = Int(fields[2]) else { return nil }
        let time = fields[3].split(separator: ":").compactMap { Int($0) }
        // Bounds keep the arithmetic below far from overflow on hostile text.
        guard time.count >= 2, (1...9999).contains(year), (1...31).contains(day), time.allSatisfy({ (0...60).contains($0) }) else { return nil }
        var seconds = Double(daysFromCivil(year, monthIndex + 1, day) * 86_400 + time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0))
        if fields.count > 4, let zone = fields.last, zone.first == "+" || zone.first == "-", zone.count == 5, let hh = Int(zone.dropFirst().prefix(2)), let mm = Int(zone.suffix(2)) {
            seconds += (zone.first == "-" ? 1 : -1) * Double(hh * 3600 + mm * 60)
        }
        return seconds
    }

    /// Formats seconds since the epoch as `yyyy-MM-ddTHH:mm:ssZ`.
    public static func iso8601(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = civilFromDays(Int(days))
        func pad(_ v: Int, _ width: Int = 2) -> String {
            let text = String(v)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingCommas() -> String { String(map { $0 == "," ? " " : $0 }) }
}
