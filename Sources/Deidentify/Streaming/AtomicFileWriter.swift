import Foundation

/// Writes a file under a temporary name beside the destination and renames it into place
/// only on `commit()`, so an interrupted or failed run never leaves a partial file that
/// looks complete. Without a commit the temporary file is removed.
public final class AtomicFileWriter {
    private let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false
    private static let flushThreshold = 1 << 20

    /// Creates the temporary file for `destination`.
    public init(destination: URL) throws {
        self.destination = destination
        let dir = destination.deletingLastPathComponent()
        temporary = dir.appendingPathComponent(".\(destination.lastPathComponent).partial-\(UInt32.random(in: .min ... .max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let h = FileHandle(forWritingAtPath: temporary.path) else {
            throw PIIError(code: .ioFailure, message: "cannot create a file in \(dir.path); check that the directory exists and is writable")
        }
        handle = h
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw PIIError(code: .ioFailure, message: "writing the output failed (disk full?); nothing was left at \(destination.lastPathComponent)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        try flush()
        try? handle.synchronize()
        try? handle.close()
        if rename(temporary.path, destination.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw PIIError(code: .ioFailure, message: "cannot move the finished output to \(destination.lastPathComponent); check permissions")
        }
        committed = true
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
