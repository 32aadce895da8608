/// The layout of an import file.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Comma-separated values with a header row naming the fields.
    case csv
    /// One JSON object per line.
    case jsonl

    /// Guesses from the file name: `.jsonl`/`.ndjson` → JSON Lines, otherwise CSV.
    public static func guess(path: String) -> ImportFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}
