import Foundation

/// RFC 4180 fields: parsing one record and writing one back.
public enum CSVCodec {
    /// Whether `line` leaves a quoted field open (the record continues on the next line).
    public static func isIncomplete(_ record: String, delimiter: Character = ",") -> Bool {
        var open = false
        for c in record.utf8 where c == 0x22 { open.toggle() }
        return open
    }

    /// Splits one record into fields; quotes are removed and `""` unescaped.
    /// Returns nil when a quote is misplaced (text after a closing quote).
    public static func parse(_ record: String, delimiter: Character = ",") -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var iterator = record.makeIterator()
        var atFieldStart = true
        while let c = iterator.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
                continue
            }
            if c == delimiter {
                fields.append(field)
                field = ""
                atFieldStart = true
                afterQuote = false
                continue
            }
            if c == "\"" {
                if atFieldStart { quoted = true; atFieldStart = false; continue }
                if afterQuote { field.append("\""); quoted = true; afterQuote = false; continue }
                return nil
            }
            if afterQuote { return nil }
            atFieldStart = false
            field.append(c)
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }

    /// Writes fields as one record, quoting where needed.
    public static func format(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { f in
            let needs = f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r")
                || f.first == " " || f.last == " "
            return needs ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: String(delimiter))
    }

    /// The delimiter of a header line: comma, else tab, semicolon or pipe if the header
    /// holds one of those and no comma.
    public static func detectDelimiter(_ header: String) -> Character {
        if header.contains(",") { return "," }
        for d: Character in ["\t", ";", "|"] where header.contains(d) { return d }
        return ","
    }
}
