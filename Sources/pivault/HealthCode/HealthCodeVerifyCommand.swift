import ArgumentParser
import Foundation
import HealthCode

/// `pivault healthcode verify "HC1:…" --trust FILE`: offline verification.
struct HealthCodeVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an \"HC1:\" health code offline; prints status, validity and issuer, or the failing step.")

    @Argument(help: "The \"HC1:\" string.")
    var code: String

    @Option(help: "Trust list: a PEM bundle of document-signer certificates.")
    var trust: String

    @Option(name: [.customLong("revocations"), .customLong("revoked")],
            help: "Revocation list file (one hex hash per line), as published by `pivault healthcode revocations`.")
    var revoked: String?

    @Option(help: "Verify as of this time (ISO 8601 or Unix seconds) instead of now.")
    var at: String?

    func run() async throws {
        do {
            let trustList = try TrustList(pemEncoded: try HealthCodeCLI.readText(trust))
            let revocations = try revoked.map { try RevocationList(textEncoded: try HealthCodeCLI.readText($0)) } ?? RevocationList()
            var clock = VerificationClock.system
            if let at {
                guard let seconds = TimestampParser.epochSeconds(at) else {
                    HealthCodeCLI.printError("error: --at \(at) is not a recognised timestamp")
                    throw ExitCode(2)
                }
                clock = .fixed(Int64(seconds.rounded(.down)))
            }
            let verifier = HealthCodeVerifier(trustList: trustList, revocationList: revocations, clock: clock)
            switch verifier.verify(code) {
            case .success(let verified):
                if let payload = verified.claims.healthCertificate, let credential = try? HealthCredential(payload) {
                    print("valid")
                    print("status: \(credential.status.rawValue)")
                    print("valid from: \(HealthCodeCLI.isoDate(credential.validFrom))")
                    print("valid until: \(HealthCodeCLI.isoDate(credential.validUntil))")
                    print("issuer: \(credential.issuer)")
                    print("code id: \(credential.codeID)")
                } else {
                    print("valid (EU DCC payload)")
                    print("valid from: \(verified.claims.issuedAt.map(HealthCodeCLI.isoDate) ?? "-")")
                    print("valid until: \(verified.claims.expiresAt.map(HealthCodeCLI.isoDate) ?? "-")")
                    print("issuer: \(verified.claims.issuer ?? "-")")
                }
                print("signer kid: \(Hex.encode(verified.signer.keyID))")
            case .failure(let failure):
                print("invalid")
                HealthCodeCLI.printError("failed step: \(failure.step.rawValue) (\(failure.code)): \(failure.message)")
                throw ExitCode.failure
            }
        } catch let error as HealthCodeError {
            HealthCodeCLI.printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

