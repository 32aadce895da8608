import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file descriptor that log lines are gathered for and written to in
/// batches: a busy server logs every request, and one `write` per line
/// costs a system call each, while a batch costs one per flush.
///
/// Lines reach the descriptor within ``interval`` of being logged; warnings
/// and worse, and ``flush()`` (at shutdown), write everything at once.
public final class LogOutput: Sendable {
    /// Standard error, flushed every 50 ms.
    public static let standardError = LogOutput(descriptor: STDERR_FILENO, interval: .milliseconds(50))

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    /// Writes happen under this lock, so batches reach the descriptor in order.
    private let writing = Mutex<Void>(())
    /// The interval between background flushes.
    public let interval: Duration
    /// Above this many buffered bytes a line flushes at once.
    private let highWater = 64 * 1024

    /// Gathers lines for `descriptor` and flushes them every `interval` from a background thread.
    public init(descriptor: Int32, interval: Duration) {
        self.descriptor = descriptor
        self.interval = interval
        let seconds = max(0.001, Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
        // The first flush comes one interval after creation (not whenever the thread happens to
        // start), and the thread holds the output only while flushing.
        Thread.detachNewThread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: seconds)
                guard let output = self else { return }
                output.flush()
            }
        }
    }

    /// Adds a line (with its newline); flushes at once when `urgent` or when the buffer is large.
    public func write(_ line: String, urgent: Bool) {
        let size = pending.withLock { buffer -> Int in
            buffer.append(contentsOf: line.utf8)
            return buffer.count
        }
        if urgent || size >= highWater { flush() }
    }

    /// Writes every gathered line now.
    public func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { buffer -> [UInt8] in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            var offset = 0
            while offset < batch.count {
                let written = batch.withUnsafeBytes { bytes in
                    Glibc.write(descriptor, bytes.baseAddress! + offset, batch.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    // Nowhere to report a failing log; dropping the batch keeps the server serving.
                    return
                }
                offset += written
            }
        }
    }
}
