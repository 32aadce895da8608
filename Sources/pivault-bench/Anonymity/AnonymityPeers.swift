import Foundation

/// Runs the Python peers in Tests/peers/anonymity from the benchmark, when python3 and the modules are there.
enum AnonymityPeers {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/peers/anonymity").path

    /// The peer's JSON output, or a line saying why it did not run.
    static func run(_ script: String, _ arguments: [String]) -> Result<[String: Double], PeerUnavailable> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory + "/" + script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return .failure(PeerUnavailable(reason: "python3 not found")) }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try? JSONSerialization.jsonObject(with: output) as? [String: Double] else {
            let last = String(decoding: errors, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit \(process.terminationStatus)"
            return .failure(PeerUnavailable(reason: last))
        }
        return .success(json)
    }

    struct PeerUnavailable: Error {
        let reason: String
    }
}
