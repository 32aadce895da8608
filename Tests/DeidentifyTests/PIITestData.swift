import Foundation

/// Locates the shared test vectors in `../shared/testdata` beside the repository root.
enum PIITestData {
    /// `<repo>/../shared/testdata`, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DeidentifyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/testdata")
        .standardizedFileURL

    /// The labelled PII corpus.
    static let piiCorpus = root.appendingPathComponent("pii/corpus_seed1.jsonl")

    /// Whether the PII corpus is present.
    static var isPresent: Bool {
        let present = FileManager.default.fileExists(atPath: piiCorpus.path)
        if !present { print("DeidentifyTests: ../shared/testdata/pii is absent; corpus suites are skipped") }
        return present
    }
}
