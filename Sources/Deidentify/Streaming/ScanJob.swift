import Foundation

/// Scans a file as a stream and reports what it found — counts and positions, never values.
public struct ScanJob: Sendable {
    /// The scanner.
    public var scanner: PIIScanner

    /// Creates a job.
    public init(scanner: PIIScanner = PIIScanner()) { self.scanner = scanner }

    /// Where one span was found.
    public struct Location: Sendable {
        /// One-based line.
        public var line: Int
        /// The span, offsets within that line.
        public var span: PIISpan
    }

    /// The outcome of scanning a file.
    public struct Report: Sendable {
        /// Lines read.
        public var lines = 0
        /// Bytes read.
        public var bytes = 0
        /// Lines with at least one span.
        public var linesWithPII = 0
        /// Spans by type.
        public var spansByType: [PIIType: Int] = [:]
        /// The first locations found (at most `locationLimit`).
        public var locations: [Location] = []
    }

    /// Scans every line of `input`, keeping at most `locationLimit` locations.
    public func report(input: URL, locationLimit: Int = 50, progress: (JobProgress) -> Void = { _ in }) throws -> Report {
        let total = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? nil
        var reader = try LineReader(url: input)
        var report = Report()
        while let line = try reader.next() {
            let spans = scanner.scan(line)
            if !spans.isEmpty { report.linesWithPII += 1 }
            for s in spans {
                report.spansByType[s.type, default: 0] += 1
                if report.locations.count < locationLimit { report.locations.append(Location(line: reader.lineNumber, span: s)) }
            }
            if reader.lineNumber % 1000 == 0 { progress(JobProgress(bytesRead: reader.bytesRead, totalBytes: total, lines: reader.lineNumber)) }
        }
        report.lines = reader.lineNumber
        report.bytes = reader.bytesRead
        progress(JobProgress(bytesRead: reader.bytesRead, totalBytes: total, lines: reader.lineNumber))
        return report
    }

    /// Reads JSON Lines with a `text` field (and optional `id`) and writes, per input line,
    /// `{"id": …, "spans": [{"start", "end", "type", "confidence"}]}` with code-point offsets.
    public func jsonl(input: URL, write: (String) throws -> Void, progress: (JobProgress) -> Void = { _ in }) throws {
        let total = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? nil
        var reader = try LineReader(url: input)
        while let line = try reader.next() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let text = object["text"] as? String else {
                throw PIIError(code: .invalidInput, message: "each line must be a JSON object with a \"text\" string", line: reader.lineNumber)
            }
            var out: [String: Any] = [:]
            out["id"] = object["id"] ?? NSNull()
            out["spans"] = scanner.scan(text).map { s -> [String: Any] in
                ["start": s.start, "end": s.end, "type": s.type.rawValue, "confidence": s.confidence]
            }
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .withoutEscapingSlashes])
            try write(String(decoding: data, as: UTF8.self) + "\n")
            if reader.lineNumber % 1000 == 0 { progress(JobProgress(bytesRead: reader.bytesRead, totalBytes: total, lines: reader.lineNumber)) }
        }
        progress(JobProgress(bytesRead: reader.bytesRead, totalBytes: total, lines: reader.lineNumber))
    }
}
