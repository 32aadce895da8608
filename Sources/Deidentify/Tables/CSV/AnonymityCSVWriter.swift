import Foundation

/// A buffered RFC 4180 CSV writer that writes to a temporary file and only
/// puts it in place on ``commit()``, so a failed run never leaves a partial
/// output that looks complete.
public final class AnonymityCSVWriter {
    private let output: AnonymityAtomicFile
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// Starts writing to a temporary file beside `path`.
    /// - Throws: ``AnonymityError`` with code `io` when the directory is not writable.
    public init(path: String) throws {
        output = try AnonymityAtomicFile(path: path)
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// Appends one record, quoting fields that contain a comma, quote, CR or LF.
    public func write(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            Self.append(field, to: &buffer)
        }
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Encodes one field per RFC 4180 §2.
    static func append(_ field: String, to buffer: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !needsQuotes {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(0x22)
        for byte in utf8 {
            buffer.append(byte)
            if byte == 0x22 { buffer.append(0x22) }
        }
        buffer.append(0x22)
    }

    private func flush() throws {
        try output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the temporary file onto the destination.
    public func commit() throws {
        try flush()
        try output.commit()
    }

    /// Removes the temporary file without touching the destination.
    public func abort() {
        output.abort()
    }
}
