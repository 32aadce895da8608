import Deidentify
import Foundation
import Testing

/// Runs the Python peers in Tests/peers/anonymity when python3 and their modules are importable.
enum AnonymityPeer {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("peers/anonymity").path

    /// Runs python3 with arguments; returns (status, stdout, stderr).
    static func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// nil when every module imports; otherwise the name of the first missing one (or python3, or the peer folder).
    static func missing(_ modules: [String]) -> String? {
        guard FileManager.default.fileExists(atPath: directory) else { return "Tests/peers/anonymity (folder absent)" }
        for module in modules {
            guard let (status, _, _) = try? python(["-c", "import \(module)"]) else { return "python3" }
            if status != 0 { return module }
        }
        return nil
    }
}

@Suite("Anonymity peer: pycanon confirms the claimed k and l (GB/T 37964-2019)")
struct AnonymityPeerTests {
    @Test("pycanon recomputes k-anonymity and l-diversity of the released table")
    func pycanonAgrees() throws {
        if let missing = AnonymityPeer.missing(["pycanon", "pandas"]) {
            print("skipping pycanon peer: python module \(missing) is not importable (pip install pycanon)")
            return
        }
        let directory = try AnonymityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try AnonymityTestSupport.table(AnonymityTestSupport.patients(rows: 3_000, seed: 11))
        let result = try AnonymityAnonymizer.anonymize(table, configuration: .init(
            quasiIdentifiers: ["age", "sex", "district", "birth_date"], sensitiveAttributes: ["diagnosis"],
            k: 5, l: 3, maxSuppression: 0.05, dropped: ["patient_id"]))
        let path = directory + "/released.csv"
        try result.write(to: AnonymityCSVWriter(path: path))
        let (status, output, errors) = try AnonymityPeer.python([
            AnonymityPeer.directory + "/pycanon_check.py", path, "--quasi", "age,sex,district,birth_date", "--sensitive", "diagnosis",
        ])
        #expect(status == 0, "pycanon_check.py failed: \(errors)")
        let peer = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Int]
        #expect(peer?["k"] == result.report.achievedK)
        #expect(peer?["l"] == result.report.achievedL)
        #expect((peer?["k"] ?? 0) >= 5)
        #expect((peer?["l"] ?? 0) >= 3)
    }
}
