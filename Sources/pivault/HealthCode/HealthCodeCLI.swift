import Foundation
import HealthCode

/// Small I/O helpers shared by the health-code commands.
enum HealthCodeCLI {
    /// Writes a line to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Reads a UTF-8 file or fails with an `io` error naming the path.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HealthCodeError(.io, "cannot read \(path); check the path and permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a UTF-8 file with the given POSIX permissions.
    static func writeText(_ text: String, to path: String, permissions: Int = 0o644) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: permissions]) else {
            throw HealthCodeError(.io, "cannot write \(path); check the folder exists and is writable")
        }
    }

    /// Seconds since the epoch as an ISO 8601 UTC timestamp.
    static func isoDate(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
