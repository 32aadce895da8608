import Foundation

/// A streaming RFC 4180 CSV reader that yields one record at a time.
///
/// It reads the input in fixed-size chunks, so memory stays constant however
/// large the file is. Fields may be quoted with `"`; a doubled `""` inside a
/// quoted field is one quote; quoted fields may span lines. Records end at
/// LF or CRLF; a UTF-8 byte-order mark at the start is skipped; empty lines
/// are skipped. Every field must be valid UTF-8, otherwise reading fails with
/// ``AnonymityError/Code-swift.struct/notUTF8`` and the line number.
public final class AnonymityCSVReader {
    private let source: () throws -> [UInt8]
    private var chunk: [UInt8] = []
    private var position = 0
    private var finished = false
    private var line = 1
    private var atStart = true

    /// The 1-based physical line on which the most recently returned record starts.
    public private(set) var recordLine = 0

    /// Opens a file for streaming.
    /// - Throws: ``AnonymityError`` with code `io` when the file cannot be opened.
    public convenience init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AnonymityError(.io, "cannot open the input file \(path); check the path and permissions")
        }
        self.init {
            try handle.read(upToCount: chunkSize).map { [UInt8]($0) } ?? []
        }
    }

    /// Reads from bytes already in memory (used for small inputs and tests).
    public convenience init(bytes: [UInt8]) {
        var delivered = false
        self.init {
            defer { delivered = true }
            return delivered ? [] : bytes
        }
    }

    /// Reads from a chunk source; an empty chunk means end of input.
    public init(source: @escaping () throws -> [UInt8]) {
        self.source = source
    }

    private func nextByte() throws -> UInt8? {
        if position == chunk.count {
            if finished { return nil }
            chunk = try source()
            position = 0
            if chunk.isEmpty {
                finished = true
                return nil
            }
        }
        defer { position += 1 }
        return chunk[position]
    }

    private func peekByte() throws -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        position -= 1
        return byte
    }

    /// Returns the next record's fields, or `nil` at the end of the input.
    /// - Throws: ``AnonymityError`` for broken quoting or non-UTF-8 bytes, with the line number.
    public func nextRecord() throws -> [String]? {
        if atStart {
            atStart = false
            if try peekByte() == 0xEF {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                var seen: [UInt8] = []
                while seen.count < 3, let b = try peekByte(), b == bom[seen.count] {
                    seen.append(b)
                    _ = try nextByte()
                }
                if seen.count != 3 { return try parseRecord(prefix: seen) }
            }
        }
        return try parseRecord(prefix: [])
    }

    private static func validated(_ bytes: [UInt8]) -> String? {
        if #available(macOS 15, iOS 18, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private func parseRecord(prefix: [UInt8]) throws -> [String]? {
        // Skip empty lines between records.
        if prefix.isEmpty {
            while let byte = try peekByte() {
                if byte == 0x0A {
                    _ = try nextByte(); line += 1
                } else if byte == 0x0D {
                    _ = try nextByte()
                    if try peekByte() == 0x0A { _ = try nextByte(); line += 1 } else { position -= 1; break }
                } else {
                    break
                }
            }
            if try peekByte() == nil { return nil }
        }
        recordLine = line
        var fields: [String] = []
        var field: [UInt8] = prefix
        var quoted = false
        var fieldStarted = !prefix.isEmpty
        var afterClosingQuote = false
        var highBit: UInt8 = prefix.reduce(0) { $0 | $1 }

        func finishField() throws {
            if highBit & 0x80 == 0 {
                fields.append(String(decoding: field, as: UTF8.self))
            } else if let text = Self.validated(field) {
                fields.append(text)
            } else {
                throw AnonymityError(.notUTF8, "field \(fields.count + 1) is not valid UTF-8; convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)", line: line)
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
            fieldStarted = false
            afterClosingQuote = false
            highBit = 0
        }

        while true {
            if !quoted && !afterClosingQuote && position < chunk.count {
                // Fast path: copy the rest of an unquoted field up to the next delimiter in one go.
                let start = position
                var end = start
                var bits: UInt8 = 0
                chunk.withUnsafeBufferPointer { buffer in
                    while end < buffer.count {
                        let byte = buffer[end]
                        if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                        bits |= byte
                        end += 1
                    }
                }
                if end > start {
                    field.append(contentsOf: chunk[start..<end])
                    highBit |= bits
                    fieldStarted = true
                    position = end
                }
            }
            guard let byte = try nextByte() else {
                if quoted {
                    throw AnonymityError(.malformedCSV, "a quoted field is not closed before the end of the input; add the closing quote", line: recordLine)
                }
                try finishField()
                return fields
            }
            if quoted {
                if byte == 0x22 {
                    if try peekByte() == 0x22 {
                        _ = try nextByte()
                        field.append(0x22)
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    highBit |= byte
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x2C:
                try finishField()
            case 0x0A:
                try finishField()
                line += 1
                return fields
            case 0x0D where try peekByte() == 0x0A:
                _ = try nextByte()
                try finishField()
                line += 1
                return fields
            case 0x22 where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterClosingQuote {
                    throw AnonymityError(.malformedCSV, "field \(fields.count + 1) has characters after its closing quote; quote the whole field and double inner quotes", line: line)
                }
                if byte == 0x22 {
                    throw AnonymityError(.malformedCSV, "field \(fields.count + 1) contains a bare quote; quote the field and double the quote (RFC 4180 §2)", line: line)
                }
                fieldStarted = true
                highBit |= byte
                field.append(byte)
            }
        }
    }
}
