import ArgumentParser
import Deidentify
import Foundation

/// A one-line progress bar on stderr: records, rate, and percentage and ETA when the size
/// is known. Redrawn at most ten times a second; silent when stderr is not a terminal
/// unless forced.
final class PIIProgressBar {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let enabled: Bool

    init(enabled: Bool = isatty(STDERR_FILENO) != 0) { self.enabled = enabled }

    func update(_ p: JobProgress, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        let mbps = Double(p.bytesRead) / elapsed / 1_000_000
        var line = "\(p.lines) lines  \(String(format: "%.1f", mbps)) MB/s"
        if let total = p.totalBytes, total > 0 {
            let fraction = min(1, Double(p.bytesRead) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            line = "[\(bar)] \(String(format: "%3.0f", fraction * 100))%  " + line + "  ETA \(Int(eta.rounded()))s"
        }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    func finish(_ p: JobProgress) {
        guard enabled else { return }
        update(p, force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

/// Writes to standard output through a buffer.
final class StandardOutputSink {
    private var buffer: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Prints a library error on stderr and fails the command with exit status 1.
func failScan(_ error: any Error) -> any Error {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode.failure
}
