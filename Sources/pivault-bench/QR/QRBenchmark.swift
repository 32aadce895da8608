import ArgumentParser
import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
import HealthCode

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures QR encoding of an "HC1:"-sized payload: to the module matrix, and
/// to a finished PNG (ISO/IEC 18004 alphanumeric mode, level Q).
struct QRBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Benchmark the QR encoder: HC1-sized payloads to matrix, PNG and SVG, in codes per second.")

    @Option(help: "Characters in the synthetic HC1 payload (Base45 alphabet).")
    var length = 520

    @Option(help: "Seconds to run each measurement.")
    var seconds = 2.0

    @Option(help: "Pixels per module in the rendered PNG.")
    var moduleSize = 4

    func run() async throws {
        guard length >= 4, length <= 2420 else {
            throw ValidationError("--length must be 4…2420 (the alphanumeric capacity of version 40-Q)")
        }
        let payloads = Self.payloads(count: 16, length: length)
        let sample = try QRCode(healthCertificate: payloads[0])
        print("payload: \(length) alphanumeric characters -> version \(sample.version)-\(sample.level), \(sample.size)x\(sample.size) modules")

        print("                          wall codes/s   CPU codes/s (per busy core)")
        let matrix = try measure(payloads) { try QRCode(healthCertificate: $0).matrix.size }
        report("encode to matrix", matrix)
        let png = try measure(payloads) {
            try QRCode(healthCertificate: $0).png(moduleSize: moduleSize, quietZone: 4).count
        }
        report("encode to PNG (1-bit)", png)
        let gray = try measure(payloads) {
            try QRCode(healthCertificate: $0).png(moduleSize: moduleSize, quietZone: 4, colorDepth: .grayscale).count
        }
        report("encode to PNG (8-bit)", gray)
        let svg = try measure(payloads) { try QRCode(healthCertificate: $0).svg(moduleSize: moduleSize).utf8.count }
        report("encode to SVG", svg)
        let pngBytes = try sample.png(moduleSize: moduleSize, quietZone: 4).count
        let grayBytes = try sample.png(moduleSize: moduleSize, quietZone: 4, colorDepth: .grayscale).count
        print("PNG size: \(pngBytes) bytes 1-bit, \(grayBytes) bytes 8-bit (module \(moduleSize) px, quiet zone 4)")
        print(String(format: "PNG rendering share of the 1-bit PNG path (CPU): %.0f%%", 100 * (1 - png.cpu / matrix.cpu)))
    }

    private func report(_ label: String, _ rate: (wall: Double, cpu: Double)) {
        print(label.padding(toLength: 24, withPad: " ", startingAt: 0)
            + String(format: "%12.0f %13.0f", rate.wall, rate.cpu))
    }

    /// Runs `body` over the payloads round-robin for `seconds`; returns calls
    /// per wall-clock second and per second of this thread's CPU time (the
    /// latter is steadier on a machine shared with other work).
    private func measure(_ payloads: [String], _ body: (String) throws -> Int) throws -> (wall: Double, cpu: Double) {
        var sink = 0
        for payload in payloads { sink &+= try body(payload) }  // warm-up
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.threadCPUSeconds()
        var count = 0
        while clock.now - start < .seconds(seconds) {
            for payload in payloads { sink &+= try body(payload) }
            count += payloads.count
        }
        let elapsed = clock.now - start
        let cpu = Self.threadCPUSeconds() - cpuStart
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if sink == 42 { print("") }  // keeps the work observable to the optimiser
        return (Double(count) / wall, Double(count) / cpu)
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Deterministic pseudo-random payloads shaped like "HC1:" + Base45.
    static func payloads(count: Int, length: Int) -> [String] {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            var text = "HC1:"
            for _ in 0..<(length - 4) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            return text
        }
    }
}
