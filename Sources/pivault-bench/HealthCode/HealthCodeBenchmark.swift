import ArgumentParser
import Crypto
import Foundation
import HealthCode

/// `pivault-bench healthcode`: offline verification throughput.
///
/// In one run it measures raw P-256 verification with swift-crypto (the
/// ceiling), full "HC1:" decode + verify through `HealthCodeVerifier`, and a
/// Python peer verifying the same codes, then prints the ratios.
struct HealthCodeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcode",
        abstract: "Health-code verification rate vs raw P-256 verify and a Python (pycose) peer.")

    @Option(help: "Distinct codes to verify.")
    var codes = 200

    @Option(help: "Extra unrelated certificates in the trust list.")
    var extraSigners = 20

    @Option(help: "Seconds per measurement.")
    var seconds = 3.0

    @Option(help: "Python interpreter for the peer.")
    var python = "python3"

    @Option(help: "Path of the Python peer script.")
    var peerScript = "bench/healthcode/verify_peer.py"

    @Flag(help: "Skip the Python peer.")
    var noPeer = false

    @Option(help: "Also write the peer's input (trust list, codes, clock) to this JSON file.")
    var writeInput: String?

    func run() async throws {
        let now: Int64 = 1_800_000_000
        let issuer = try HealthCodeIssuer.generate(name: "Benchmark Health Authority", now: now - 86_400)
        var trust = TrustList([issuer.signer])
        for i in 0..<extraSigners { trust.add(try HealthCodeIssuer.generate(name: "Other \(i)", now: now - 86_400).signer) }
        let statuses = HealthStatus.allCases
        let texts = try (0..<codes).map { i in try issuer.issue(status: statuses[i % 3], now: now, validFor: 86_400).text }
        let verifier = HealthCodeVerifier(trustList: trust, clock: .fixed(now + 60))

        // The ceiling: the same signatures over the same Sig_structures, nothing else.
        let codec = HC1Codec()
        let raw = try texts.map { text -> (P256.Signing.ECDSASignature, [UInt8]) in
            let (message, _) = try codec.decode(text)
            return (try P256.Signing.ECDSASignature(rawRepresentation: message.signature), message.toBeSigned())
        }
        let publicKey = issuer.signingKey.publicKey
        let rawRate = try measure(count: raw.count) { i in
            guard publicKey.isValidSignature(raw[i].0, for: raw[i].1) else { throw HealthCodeError(.invalidSignature, "raw verify failed") }
        }
        let fullRate = try measure(count: texts.count) { i in
            if case .failure(let failure) = verifier.verify(texts[i]) { throw failure }
        }
        print("codes: \(codes) distinct, trust list of \(trust.signers.count) certificates, \(seconds)s per measurement")
        print(String(format: "raw P-256 verify (swift-crypto):        %10.0f /s", rawRate))
        print(String(format: "HC1 decode + verify (HealthCode):       %10.0f /s", fullRate))
        print(String(format: "ratio full / raw:                       %10.2f  (goal >= 0.70)", fullRate / rawRate))
        let inputData = try peerInput(trust: trust, texts: texts, now: now + 60)
        if let writeInput { try inputData.write(to: URL(fileURLWithPath: writeInput)) }
        guard !noPeer else { return }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("healthcode-bench-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        try inputData.write(to: input)
        for mode in ["pycose", "cryptography"] {
            do {
                let peer = try runPeer(input: input.path, mode: mode)
                let label = mode == "pycose" ? "Python peer (base45+zlib+cbor2+pycose):" : "Python (cbor2 + cryptography/OpenSSL): "
                print(String(format: "%@ %10.0f /s  (%d failed)", label, peer.rate, peer.failed))
                print(String(format: "ratio HealthCode / %@ %9.1fx%@", mode.padding(toLength: 19, withPad: " ", startingAt: 0), fullRate / peer.rate, mode == "pycose" ? "  (goal >= 5x)" : ""))
            } catch {
                print("Python peer (\(mode)) unavailable: \(error)")
            }
        }
    }

    /// Calls `body` round-robin over `count` items for the configured time; returns calls per second.
    func measure(count: Int, _ body: (Int) throws -> Void) throws -> Double {
        for i in 0..<min(count, 50) { try body(i) }  // warm-up
        let clock = ContinuousClock()
        let start = clock.now
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        var calls = 0
        while clock.now - start < budget {
            for i in 0..<count { try body(i) }
            calls += count
        }
        let elapsed = clock.now - start
        return Double(calls) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    func peerInput(trust: TrustList, texts: [String], now: Int64) throws -> Data {
        let certs = trust.signers.map { "\"" + Data($0.derBytes).base64EncodedString() + "\"" }.joined(separator: ",")
        let codeList = texts.map { "\"" + $0 + "\"" }.joined(separator: ",")
        return Data("{\"trust\":[\(certs)],\"codes\":[\(codeList)],\"now\":\(now)}".utf8)
    }

    struct PeerResult: Decodable {
        var rate: Double
        var failed: Int
    }

    func runPeer(input: String, mode: String) throws -> PeerResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, peerScript, input, "--mode", mode, "--seconds", String(seconds)]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HealthCodeError(.io, "peer exited with \(process.terminationStatus): \(errorText.suffix(300)); install with pip install -r bench/healthcode/requirements.txt")
        }
        return try JSONDecoder().decode(PeerResult.self, from: data)
    }
}
