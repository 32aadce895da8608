import Foundation

/// Reads a file in fixed-size chunks and yields lines (without the newline),
/// so memory stays constant however large the file is.
struct ByteLineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private(set) var bytesRead: Int64 = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(line: 0, message: "cannot open \(path); check the path")
        }
        self.handle = handle
    }

    /// The next line, or nil at the end of the file.
    mutating func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            bytesRead += Int64(chunk.count)
            buffer.removeFirst(start)
            start = 0
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    func close() { try? handle.close() }
}
