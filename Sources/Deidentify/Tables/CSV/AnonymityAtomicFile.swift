import Foundation

/// A file written under a temporary name in the destination's directory and
/// renamed into place on commit (rename is atomic within one file system).
public final class AnonymityAtomicFile {
    /// The final path.
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var done = false

    /// Creates the temporary file.
    /// - Throws: ``AnonymityError`` with code `io` when it cannot be created.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw AnonymityError(.io, "cannot create a file in \(directory); check that the directory exists and is writable")
        }
        self.handle = handle
    }

    /// Writes bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            abort()
            throw AnonymityError(.io, "writing \(path) failed (disk full or removed?); nothing was put in place")
        }
    }

    /// Syncs, closes and renames onto the destination.
    public func commit() throws {
        guard !done else { return }
        done = true
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw AnonymityError(.io, "finishing \(path) failed; nothing was put in place")
        }
        if rename(temporaryPath, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw AnonymityError(.io, "cannot move the finished output to \(path); check permissions")
        }
    }

    /// Closes and deletes the temporary file.
    public func abort() {
        guard !done else { return }
        done = true
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    /// Writes a whole file atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try AnonymityAtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    deinit { abort() }
}
