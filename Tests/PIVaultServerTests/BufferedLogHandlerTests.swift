import Foundation
import Logging
@testable import PIVaultServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Request log output (issue: structured logs without a system call per line)")
struct BufferedLogHandlerTests {
    /// A pipe whose read end is non-blocking, so a test can see what has arrived so far.
    final class Pipe: Sendable {
        let read: Int32
        let write: Int32
        init() {
            var ends: [Int32] = [0, 0]
            precondition(pipe(&ends) == 0)
            read = ends[0]
            write = ends[1]
            _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
        }
        func available() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(read, $0.baseAddress!, 4096) }
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        deinit {
            close(read)
            close(write)
        }
    }

    @Test("Info lines are held until the flush interval; warnings write everything at once, in order")
    func batching() async throws {
        let pipe = Pipe()
        let output = LogOutput(descriptor: pipe.write, interval: .seconds(3600))
        var logger = Logger(label: "pivault.test") { BufferedLogHandler(label: $0, output: output) }
        logger.logLevel = .info
        logger.info("request", metadata: ["route": "/v1/records", "status": "201"])
        #expect(pipe.available().isEmpty)
        logger.warning("slow request", metadata: ["route": "/v1/records"])
        let lines = pipe.available().split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].contains(" info pivault.test: route=/v1/records status=201 [PIVaultServerTests] request"))
        #expect(lines[1].contains(" warning pivault.test: route=/v1/records [PIVaultServerTests] slow request"))
        // ISO 8601 UTC with milliseconds, as the stream handler's lines sort.
        #expect(lines[0].range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil)
    }

    @Test("A request's duration is logged in milliseconds with three decimals, rounded as %.3f rounds")
    func durationField() {
        for (duration, text) in [(Duration.zero, "0.000"), (.microseconds(7), "0.007"), (.microseconds(42), "0.042"), (.nanoseconds(1_234_567), "1.235"),
                                 (.nanoseconds(999_499), "0.999"), (.nanoseconds(999_500), "1.000"), (.milliseconds(20), "20.000"), (.seconds(3) + .microseconds(250), "3000.250")] {
            #expect(RequestLogMiddleware.milliseconds(duration) == text)
            #expect(RequestLogMiddleware.milliseconds(duration) == String(format: "%.3f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15))
        }
    }

    @Test("The background flush delivers info lines within its interval; flush() delivers them at once")
    func backgroundFlush() async throws {
        let pipe = Pipe()
        let output = LogOutput(descriptor: pipe.write, interval: .milliseconds(20))
        var logger = Logger(label: "t") { BufferedLogHandler(label: $0, output: output) }
        logger.logLevel = .info
        logger.info("one")
        var seen = ""
        // Bounded generously: the full test run keeps the cooperative threads busy.
        for _ in 0..<1000 where !seen.contains("one") {
            try await Task.sleep(for: .milliseconds(10))
            seen += pipe.available()
        }
        #expect(seen.contains("] one"))
        let quiet = LogOutput(descriptor: pipe.write, interval: .seconds(3600))
        Logger(label: "t") { BufferedLogHandler(label: $0, output: quiet) }.info("two")
        quiet.flush()
        #expect(pipe.available().contains("] two"))
    }
}
