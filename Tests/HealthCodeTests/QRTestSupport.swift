import Foundation
import Testing
@testable import HealthCode

/// Runs Debian's `zbarimg` (package zbar-tools), an independent QR decoder,
/// on PNG files written to a temporary directory.
enum QRZbar {
    /// Where `zbarimg` lives, if installed.
    static let path: String? = {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map { "\($0)/zbarimg" } + ["/usr/bin/zbarimg"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether decoding tests can run.
    static var isAvailable: Bool {
        if path == nil {
            print("QR decode tests skipped: zbarimg not found; install Debian's zbar-tools (apt-get install -y zbar-tools)")
        }
        return path != nil
    }

    /// Writes `png` to a fresh temporary file, decodes it with
    /// `zbarimg --raw -q`, and returns the decoded text (without the
    /// trailing newline zbarimg adds), or nil if nothing was found.
    static func decode(png: [UInt8]) throws -> String? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qr-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("code.png")
        try Data(png).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, var text = String(data: data, encoding: .utf8) else { return nil }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// A PNG file split into its chunks, for structural checks.
struct QRPNGChunks {
    struct Chunk {
        let type: String
        let data: [UInt8]
        let crc: UInt32
    }

    let chunks: [Chunk]

    /// Splits `png` after its signature; nil if the framing is broken.
    init?(_ png: [UInt8]) {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var offset = 8
        var chunks: [Chunk] = []
        func u32(_ at: Int) -> UInt32 { png[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        while offset + 12 <= png.count {
            let length = Int(u32(offset))
            guard offset + 12 + length <= png.count else { return nil }
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = Array(png[(offset + 8)..<(offset + 8 + length)])
            chunks.append(Chunk(type: type, data: data, crc: u32(offset + 8 + length)))
            offset += 12 + length
        }
        guard offset == png.count else { return nil }
        self.chunks = chunks
    }
}
