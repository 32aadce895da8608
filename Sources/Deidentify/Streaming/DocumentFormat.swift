/// Layout of an input file for scanning and redaction.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Free text, line by line.
    case text
    /// Comma-separated values with a header row (tab, semicolon or pipe detected from it).
    case csv
    /// One JSON object per line.
    case jsonl

    /// The format suggested by a file name's extension, text otherwise.
    public static func guess(fromPath path: String) -> DocumentFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        return .text
    }
}

/// How far a streaming job has got.
public struct JobProgress: Sendable {
    /// Input bytes consumed.
    public var bytesRead: Int
    /// Input size when known.
    public var totalBytes: Int?
    /// Input lines consumed.
    public var lines: Int

    /// Creates a progress value.
    public init(bytesRead: Int, totalBytes: Int?, lines: Int) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.lines = lines
    }
}

/// What a redaction run did.
public struct RedactionSummary: Sendable {
    /// Input lines read.
    public var lines = 0
    /// Records (lines, CSV rows or JSON objects) written.
    public var records = 0
    /// Spans replaced, by type.
    public var spansByType: [PIIType: Int] = [:]
    /// Whether the output is still personal information (PIPL Art. 73): true for masks,
    /// pseudonyms and generalisations, false when every value was removed or tagged.
    public var outputIsPseudonymised = false
}
