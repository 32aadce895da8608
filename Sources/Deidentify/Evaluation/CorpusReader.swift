import Foundation

/// Reads labelled corpora in the JSON Lines format of `../shared/testdata/pii/`.
public enum CorpusReader {
    /// Every record of the file at `url`; blank lines are skipped.
    public static func records(at url: URL) throws -> [LabelledRecord] {
        var reader = try LineReader(url: url)
        var out: [LabelledRecord] = []
        let decoder = JSONDecoder()
        while let line = try reader.next() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                out.append(try decoder.decode(LabelledRecord.self, from: Data(line.utf8)))
            } catch {
                throw PIIError(code: .invalidInput, message: "not a labelled record: each line needs a JSON object with a \"text\" string and optional \"spans\"/\"negatives\"", line: reader.lineNumber)
            }
        }
        return out
    }
}
