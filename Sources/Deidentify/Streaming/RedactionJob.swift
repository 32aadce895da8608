import Foundation

/// Redacts a text, CSV or JSON Lines file as a stream: one record in memory at a time,
/// output through an `AtomicFileWriter` (or a caller-supplied sink), progress reported as
/// it goes.
public struct RedactionJob: Sendable {
    /// Replaces what is found.
    public var redactor: PIIRedactor
    /// Input layout.
    public var format: DocumentFormat
    /// CSV columns or JSON keys to redact; nil means every column (CSV) or the `text` key,
    /// else every string value (JSON Lines).
    public var columns: [String]?

    /// Creates a job.
    public init(redactor: PIIRedactor, format: DocumentFormat, columns: [String]? = nil) {
        self.redactor = redactor
        self.format = format
        self.columns = columns
    }

    /// Redacts `input` into `output` atomically.
    public func run(input: URL, output: URL, progress: (JobProgress) -> Void = { _ in }) throws -> RedactionSummary {
        let writer = try AtomicFileWriter(destination: output)
        let summary = try run(input: input, write: { try writer.write($0) }, progress: progress)
        try writer.commit()
        return summary
    }

    /// Redacts `input`, handing each output line (with its newline) to `write`.
    public func run(input: URL, write: (String) throws -> Void, progress: (JobProgress) -> Void = { _ in }) throws -> RedactionSummary {
        let total = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? nil
        var reader = try LineReader(url: input)
        var summary = RedactionSummary()
        summary.outputIsPseudonymised = redactor.operator.outputIsPseudonymised
        var lastReport = 0
        func report(_ r: borrowing LineReader) {
            if r.lineNumber - lastReport >= 1000 {
                lastReport = r.lineNumber
                progress(JobProgress(bytesRead: r.bytesRead, totalBytes: total, lines: r.lineNumber))
            }
        }
        func redactCounting(_ s: String) -> String {
            let r = redactor.redact(s)
            for span in r.spans { summary.spansByType[span.type, default: 0] += 1 }
            return r.text
        }
        switch format {
        case .text:
            while let line = try reader.next() {
                try write(redactCounting(line) + "\n")
                summary.records += 1
                report(reader)
            }
        case .csv:
            guard let header = try reader.next() else { break }
            let delimiter = CSVCodec.detectDelimiter(header)
            guard let names = CSVCodec.parse(header, delimiter: delimiter) else {
                throw PIIError(code: .invalidInput, message: "the CSV header has a misplaced quote", line: 1)
            }
            let selected = try Self.columnIndices(columns, in: names)
            try write(CSVCodec.format(names, delimiter: delimiter) + "\n")
            while var record = try reader.next() {
                let startLine = reader.lineNumber
                while CSVCodec.isIncomplete(record, delimiter: delimiter) {
                    guard let more = try reader.next() else {
                        throw PIIError(code: .invalidInput, message: "a quoted field is never closed", line: startLine)
                    }
                    record += "\n" + more
                }
                if record.isEmpty { continue }
                guard var fields = CSVCodec.parse(record, delimiter: delimiter) else {
                    throw PIIError(code: .invalidInput, message: "a quote is misplaced in this CSV row", line: startLine)
                }
                guard fields.count == names.count else {
                    throw PIIError(code: .raggedRow, message: "the row has \(fields.count) fields but the header has \(names.count); fix the row or quote fields that contain the delimiter", line: startLine)
                }
                for k in selected { fields[k] = redactCounting(fields[k]) }
                try write(CSVCodec.format(fields, delimiter: delimiter) + "\n")
                summary.records += 1
                report(reader)
            }
        case .jsonl:
            while let line = try reader.next() {
                if line.allSatisfy(\.isWhitespace) { continue }
                guard let data = line.data(using: .utf8),
                      var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                    throw PIIError(code: .invalidInput, message: "each line must be one JSON object", line: reader.lineNumber)
                }
                let keys: [String]
                if let columns {
                    if summary.records == 0, let missing = columns.first(where: { object[$0] == nil }) {
                        throw PIIError(code: .unknownColumn, message: "the key \"\(missing)\" is not in the first record; available keys: \(object.keys.sorted().joined(separator: ", "))", line: reader.lineNumber)
                    }
                    keys = columns
                } else {
                    keys = object["text"] is String ? ["text"] : Array(object.keys)
                }
                for k in keys { if let v = object[k] { object[k] = Self.redactJSON(v, redactCounting) } }
                let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                try write(String(decoding: out, as: UTF8.self) + "\n")
                summary.records += 1
                report(reader)
            }
        }
        summary.lines = reader.lineNumber
        progress(JobProgress(bytesRead: reader.bytesRead, totalBytes: total, lines: reader.lineNumber))
        return summary
    }

    /// Indices of `columns` in `header`; every column when nil.
    static func columnIndices(_ columns: [String]?, in header: [String]) throws -> [Int] {
        guard let columns else { return Array(header.indices) }
        return try columns.map { name in
            guard let k = header.firstIndex(of: name) else {
                throw PIIError(code: .unknownColumn, message: "no column named \"\(name)\"; the header has: \(header.joined(separator: ", "))", line: 1)
            }
            return k
        }
    }

    private static func redactJSON(_ value: Any, _ redact: (String) -> String) -> Any {
        switch value {
        case let s as String: return redact(s)
        case let a as [Any]: return a.map { redactJSON($0, redact) }
        case let o as [String: Any]: return o.mapValues { redactJSON($0, redact) }
        default: return value
        }
    }
}
