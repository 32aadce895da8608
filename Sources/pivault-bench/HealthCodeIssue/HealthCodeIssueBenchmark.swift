import ArgumentParser
import Crypto
import Foundation
import HealthCode
import PIVault
import PIVaultCore

/// `pivault-bench healthcode-issue`: issuing health codes with QR rendering
/// to PNG — by the library alone and through the vault (policy decision,
/// signature, SQLite row, PNG) — next to the raw P-256 verify ceiling and
/// full "HC1:" verification of the codes just issued.
struct HealthCodeIssueBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcode-issue",
        abstract: "Health-code issuing with QR rendering to PNG (goal >= 2,000 codes/s), library and vault, beside raw and full verify rates.")

    @Option(help: "Codes to issue through the vault.") var codes = 5_000
    @Option(help: "Subjects to issue for.") var subjects = 500
    @Option(help: "Concurrent issuers through the vault.") var workers = 4
    @Option(help: "Seconds per library measurement.") var seconds = 3.0
    @Option(help: "Pixels per module in the PNG.") var moduleSize = 4

    func run() async throws {
        guard codes > 0, subjects > 0, workers > 0 else { throw ValidationError("--codes, --subjects and --workers must be positive") }
        let goal = 2_000.0

        // Library only: sign + HC1 encode + QR PNG, one core.
        let now: Int64 = 1_800_000_000
        let issuer = try HealthCodeIssuer.generate(name: "Benchmark Health Authority", now: now - 86_400)
        let statuses = HealthStatus.allCases
        var pngBytes = 0
        let libraryRate = try measure { i in
            let issued = try issuer.issue(status: statuses[i % 3], now: now, validFor: 86_400)
            pngBytes = try QRCode(healthCertificate: issued.text).png(moduleSize: moduleSize).count
        }

        // Through the vault: policy, signature, stored link, PNG.
        let bench = try await BenchVault.make()
        do {
            try await measureVault(bench.vault, libraryRate: libraryRate, pngBytes: pngBytes, goal: goal)
            await bench.cleanUp()
        } catch {
            await bench.cleanUp()
            throw error
        }
    }

    /// Issues through the vault, then measures verification of what it issued, and prints every figure.
    func measureVault(_ vault: Vault, libraryRate: Double, pngBytes: Int, goal: Double) async throws {
        _ = try await vault.createHealthCodeIssuer(name: "Benchmark Health Authority")
        var people = SyntheticPeople(seed: 7)
        let receipts = try await vault.collect(batch: (0..<subjects).map { _ in
            Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: people.registration())
        })
        let ids = receipts.map(\.subjectID)
        let workers = self.workers, codes = self.codes, moduleSize = self.moduleSize
        let actor = Actor(id: "bench", role: "clinic-staff")
        var texts: [String] = []
        let vaultSeconds = try await Measure.seconds {
            texts = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        var mine: [String] = []
                        for index in stride(from: worker, to: codes, by: workers) {
                            let code = try await vault.issueHealthCode(HealthCodeRequest(actor: actor, subjectID: ids[index % ids.count], purpose: "vaccination-record", status: .green))
                            let png = try QRCode(healthCertificate: code.text).png(moduleSize: moduleSize)
                            precondition(!png.isEmpty)
                            if mine.count < 200 / workers + 1 { mine.append(code.text) }
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        let vaultRate = Double(codes) / vaultSeconds

        // The verify figures on the codes just issued: raw P-256 (the ceiling) and full HC1 decode + verify.
        let verifier = HealthCodeVerifier(trustList: try await vault.healthCodeTrustList(), revocationList: try await vault.healthCodeRevocationList())
        let codec = HC1Codec()
        let raw = try texts.map { text -> (P256.Signing.ECDSASignature, [UInt8]) in
            let (message, _) = try codec.decode(text)
            return (try P256.Signing.ECDSASignature(rawRepresentation: message.signature), message.toBeSigned())
        }
        let publicKey = try requireSigner(verifier)
        let rawRate = try measure { i in
            guard publicKey.isValidSignature(raw[i % raw.count].0, for: raw[i % raw.count].1) else { throw HealthCodeError(.invalidSignature, "raw verify failed") }
        }
        let fullRate = try measure { i in
            if case .failure(let failure) = verifier.verify(texts[i % texts.count]) { throw failure }
        }

        print("issuing with QR rendering to PNG (\(moduleSize) px/module, \(pngBytes)-byte PNG)")
        print(String(format: "library: issue + PNG, 1 core:                %10.0f codes/s  (%.1fx goal %.0f)", libraryRate, libraryRate / goal, goal))
        print(String(format: "vault: policy + issue + store + PNG, %2d tasks: %9.0f codes/s  (%.1fx goal %.0f; %d codes, %d subjects, SQLite)",
                     workers, vaultRate, vaultRate / goal, goal, codes, subjects))
        print(String(format: "raw P-256 verify (swift-crypto, ceiling):     %10.0f /s", rawRate))
        print(String(format: "HC1 decode + verify (HealthCode):             %10.0f /s  (ratio %.2f, goal >= 0.70)", fullRate, fullRate / rawRate))
    }

    /// The issuing key's public half, from the vault's trust list.
    func requireSigner(_ verifier: HealthCodeVerifier) throws -> P256.Signing.PublicKey {
        guard let key = verifier.trustList.signers.last?.p256PublicKey else {
            throw HealthCodeError(.invalidCertificate, "the vault's trust list holds no P-256 signer")
        }
        return key
    }

    /// Calls `body` with a running index for the configured time; returns calls per second.
    func measure(_ body: (Int) throws -> Void) throws -> Double {
        for i in 0..<50 { try body(i) }
        let clock = ContinuousClock()
        let start = clock.now
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        var calls = 0
        while clock.now - start < budget {
            for i in calls..<(calls + 100) { try body(i) }
            calls += 100
        }
        let elapsed = clock.now - start
        return Double(calls) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
