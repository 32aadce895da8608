import ArgumentParser
import Foundation
import HealthCode

/// `pivault healthcode keys`: issuer key management.
struct HealthCodeKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the issuer's signing key and document-signer certificate.",
        subcommands: [Init.self])

    /// `pivault healthcode keys init`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a P-256 issuer key, a self-signed document-signer certificate and a trust list.")

        @Option(help: "Issuing authority name (certificate common name).")
        var issuer: String

        @Option(help: "Folder to write issuer-key.pem, issuer-cert.pem and trust-list.pem into.")
        var output: String = "."

        @Option(help: "Certificate lifetime in days.")
        var days: Int = 730

        @Flag(help: "Overwrite existing files.")
        var force = false

        func run() async throws {
            let keyPath = (output as NSString).appendingPathComponent("issuer-key.pem")
            let certPath = (output as NSString).appendingPathComponent("issuer-cert.pem")
            let trustPath = (output as NSString).appendingPathComponent("trust-list.pem")
            if !force, FileManager.default.fileExists(atPath: keyPath) {
                HealthCodeCLI.printError("error: \(keyPath) exists; pass --force to replace the issuer key")
                throw ExitCode(2)
            }
            guard (1...36_500).contains(days) else {
                HealthCodeCLI.printError("error: --days must be between 1 and 36500")
                throw ExitCode(2)
            }
            do {
                let now = VerificationClock.system.now()
                let issuerKeys = try HealthCodeIssuer.generate(name: issuer, now: now, validity: Int64(days) * 86_400)
                try HealthCodeCLI.writeText(issuerKeys.privateKeyPEM, to: keyPath, permissions: 0o600)
                try HealthCodeCLI.writeText(issuerKeys.certificatePEM, to: certPath)
                try HealthCodeCLI.writeText(TrustList([issuerKeys.signer]).pemEncoded(), to: trustPath)
                print("issuer key: \(keyPath)")
                print("certificate: \(certPath)")
                print("trust list: \(trustPath)")
                print("kid: \(Hex.encode(issuerKeys.signer.keyID))")
            } catch let error as HealthCodeError {
                HealthCodeCLI.printError("error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
