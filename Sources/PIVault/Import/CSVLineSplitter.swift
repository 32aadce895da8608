/// Splits RFC 4180 CSV into fields, one physical line at a time; a quoted
/// field may continue onto the next line, in which case `fields` is nil until
/// the record is complete.
struct CSVLineSplitter {
    private var fields: [String] = []
    private var current: [UInt8] = []
    private var inQuotes = false

    /// Feeds one physical line; returns the record's fields when it is complete.
    mutating func feed(_ line: [UInt8]) throws -> [String]? {
        var index = 0
        if inQuotes { current.append(UInt8(ascii: "\n")) }
        while index < line.count {
            let byte = line[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") {
                        current.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                try finishField()
            } else if byte == UInt8(ascii: "\"") && current.isEmpty {
                inQuotes = true
            } else {
                current.append(byte)
            }
            index += 1
        }
        if inQuotes { return nil }
        try finishField()
        defer { fields = [] }
        return fields
    }

    var isInsideQuotes: Bool { inQuotes }

    private mutating func finishField() throws {
        guard let text = String(validating: current, as: UTF8.self) else {
            throw ImportError(line: 0, message: "the file is not UTF-8 text")
        }
        fields.append(text)
        current = []
    }
}
