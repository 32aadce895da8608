import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays constant however large
/// the file is.
///
/// Lines are split on LF (a trailing CR is dropped) and checked: a NUL byte means binary
/// input, invalid UTF-8 is refused; both errors carry the one-based line number.
public struct LineReader: ~Copyable {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var offset = 0
    private var finished = false
    /// One-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far, for progress.
    public private(set) var bytesRead = 0
    private let chunkSize: Int

    /// Opens `url` for reading.
    public init(url: URL, chunkSize: Int = 1 << 20) throws {
        guard let h = FileHandle(forReadingAtPath: url.path) else {
            throw PIIError(code: .ioFailure, message: "cannot open \(url.lastPathComponent) for reading; check the path and permissions")
        }
        handle = h
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// The next line without its terminator, or nil at end of file.
    public mutating func next() throws -> String? {
        while true {
            if let nl = buffer[offset...].firstIndex(of: 0x0A) {
                let line = try decode(offset..<nl)
                bytesRead += nl + 1 - offset
                offset = nl + 1
                return line
            }
            if finished {
                guard offset < buffer.count else { return nil }
                let line = try decode(offset..<buffer.count)
                bytesRead += buffer.count - offset
                offset = buffer.count
                return line
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { finished = true }
            buffer.removeSubrange(0..<offset)
            offset = 0
            buffer.append(contentsOf: chunk)
        }
    }

    private mutating func decode(_ range: Range<Int>) throws -> String {
        lineNumber += 1
        var end = range.upperBound
        if end > range.lowerBound, buffer[end - 1] == 0x0D { end -= 1 }
        let bytes = buffer[range.lowerBound..<end]
        if bytes.contains(0) {
            throw PIIError(code: .binaryInput, message: "the input holds binary data (a NUL byte); give a UTF-8 text, CSV or JSON Lines file", line: lineNumber)
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw PIIError(code: .invalidEncoding, message: "the input is not valid UTF-8; convert it first (e.g. `iconv -f GBK -t UTF-8`)", line: lineNumber)
        }
        return s
    }
}
