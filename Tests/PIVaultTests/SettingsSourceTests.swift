import Foundation
import Testing

/// The product's settings are the documented ones: a variable read from the
/// environment that the README does not name is a switch an operator cannot
/// know about — and one that could, say, turn off the transparency log
/// (PIPL Art. 54, 55 rest on that log) would be a hole, not a setting.
@Suite("Settings: every environment variable the product reads is documented")
struct SettingsSourceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under `Sources/`, with its path relative to the repository.
    static func productSources() throws -> [(path: String, text: String)] {
        let root = repository.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            files.append((String(url.path.dropFirst(repository.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test("The product reads the environment only through named PIVAULT_ settings, never through getenv")
    func noHiddenSwitches() throws {
        let sources = try Self.productSources()
        #expect(sources.count > 100, "the product's sources were not found under \(Self.repository.path)/Sources")
        for (path, text) in sources {
            #expect(!text.contains("getenv("), "\(path) reads the environment through getenv; read a documented PIVAULT_ setting instead")
        }
    }

    @Test("Each PIVAULT_ variable named in the sources appears in the README's settings")
    func documented() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let pattern = try Regex(#""(PIVAULT_[A-Z_]+)""#)
        var named = Set<String>()
        for (_, text) in try Self.productSources() {
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { named.insert(String(name)) }
            }
        }
        #expect(named.contains("PIVAULT_MASTER_KEY"), "the scan found no settings at all; the pattern or the folder is wrong")
        for name in named.sorted() {
            #expect(readme.contains(name), "\(name) is read by the product but the README does not document it")
        }
    }
}
