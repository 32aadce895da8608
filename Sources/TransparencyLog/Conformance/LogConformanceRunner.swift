import Foundation

/// Runs every vector file under a directory: Merkle inclusion and consistency
/// vectors (`leafIdx`/`treeSize`/… and `size1`/`size2`/…, each with `wantErr`)
/// and signed-note vectors (`cases` with `vkey`, `signedNote`, `valid`).
public enum LogConformanceRunner {
    /// Runs every `.json` file under `directory`, recursively, in path order.
    ///
    /// - Throws: ``LogError/Code/io`` when the directory cannot be listed.
    public static func run(directory: String) throws -> LogConformanceReport {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LogError(.io, "\(directory) is not a directory")
        }
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            throw LogError(.io, "cannot list \(directory)")
        }
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        var report = LogConformanceReport()
        for file in files {
            let url = root.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url) else {
                report.failures.append(.init(file: file, vector: "-", detail: "cannot read the file"))
                continue
            }
            run(json: Array(data), file: file, into: &report)
        }
        return report
    }

    /// Runs the vectors of one file's content into `report`.
    public static func run(json: [UInt8], file: String, into report: inout LogConformanceReport) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            report.unrecognizedFiles.append(file)
            return
        }
        if object["leafIdx"] != nil {
            report.record(file: file, vector: label(object), expectError: object["wantErr"] as? Bool ?? false,
                          outcome: Result { try MerkleVector.inclusion(object) })
        } else if object["size1"] != nil {
            report.record(file: file, vector: label(object), expectError: object["wantErr"] as? Bool ?? false,
                          outcome: Result { try MerkleVector.consistency(object) })
        } else if let cases = object["cases"] as? [[String: Any]], cases.contains(where: { $0["signedNote"] != nil }) {
            for (number, item) in cases.enumerated() {
                report.record(file: file, vector: "case \(number)", expectError: !(item["valid"] as? Bool ?? true),
                              outcome: Result { try NoteVector.run(item) })
            }
        } else {
            report.unrecognizedFiles.append(file)
        }
    }

    private static func label(_ object: [String: Any]) -> String {
        (object["desc"] as? String).map { String($0.prefix(80)) } ?? "-"
    }
}
