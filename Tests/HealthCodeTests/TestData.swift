import Foundation
import HealthCode

/// Locates the shared vectors at `../shared/testdata` beside the repository root.
enum TestData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata")

    static var isPresent: Bool {
        let present = FileManager.default.fileExists(atPath: root.path)
        if !present { print("HealthCode vector suites skipped: ../shared/testdata not found at \(root.path)") }
        return present
    }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func json(_ relative: String) throws -> JSONValue {
        try JSONValue.parse(String(decoding: try Data(contentsOf: url(relative)), as: UTF8.self))
    }

    static func files(in relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relative).path).filter { $0.hasSuffix(".json") }.sorted()
            .map { relative + "/" + $0 }
    }
}

func hex(_ text: String) -> [UInt8] { Hex.decode(text)! }
