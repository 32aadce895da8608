import ArgumentParser
import Foundation
import HealthCode
import PIVault

/// `pivault healthcode keys`: issuer key management.
struct HealthCodeKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the issuer's signing key and document-signer certificate.",
        subcommands: [Init.self, TrustListCommand.self])

    /// `pivault healthcode keys init`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a P-256 issuer key, a self-signed document-signer certificate and a trust list.",
            discussion: """
                By default the key is kept by the vault, wrapped under the master key, and the trust list \
                for verifiers is written to --trust. With --output DIR the key, certificate and trust list \
                are written as files instead, without a vault.
                """)

        @OptionGroup var options: VaultOptions

        @Option(help: "Issuing authority name (certificate common name).")
        var issuer: String

        @Option(help: "Vault mode: file to write the trust list (PEM certificates) for verifiers.")
        var trust: String = "trust-list.pem"

        @Option(help: "Stand-alone mode: folder to write issuer-key.pem, issuer-cert.pem and trust-list.pem into (no vault).")
        var output: String?

        @Option(help: "Certificate lifetime in days.")
        var days: Int = 730

        @Flag(help: "Stand-alone mode: overwrite existing files.")
        var force = false

        func run() async throws {
            guard (1...36_500).contains(days) else {
                HealthCodeCLI.printError("error: --days must be between 1 and 36500")
                throw ExitCode(2)
            }
            if let output {
                try writeFiles(to: output)
                return
            }
            try await runReporting {
                let (info, list) = try await options.withVault { vault in
                    (try await vault.createHealthCodeIssuer(name: issuer, validity: Int64(days) * 86_400), try await vault.healthCodeTrustList())
                }
                try HealthCodeCLI.writeText(list.pemEncoded(), to: trust)
                print("issuer: \(info.id) (\(info.name)), key kept by the vault")
                print("kid: \(info.keyID)")
                print("certificate valid until: \(HealthCodeCLI.isoDate(Int64(info.notAfter.timeIntervalSince1970)))")
                print("trust list: \(trust) (\(list.signers.count) certificate(s))")
            }
        }

        func writeFiles(to output: String) throws {
            let keyPath = (output as NSString).appendingPathComponent("issuer-key.pem")
            let certPath = (output as NSString).appendingPathComponent("issuer-cert.pem")
            let trustPath = (output as NSString).appendingPathComponent("trust-list.pem")
            if !force, FileManager.default.fileExists(atPath: keyPath) {
                HealthCodeCLI.printError("error: \(keyPath) exists; pass --force to replace the issuer key")
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

    /// `pivault healthcode keys trust-list --out FILE`.
    struct TrustListCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trust-list",
            abstract: "Write the vault's trust list (every issuer certificate still valid) for verifiers.")

        @OptionGroup var options: VaultOptions

        @Option(help: "File to write the PEM certificates to.")
        var out: String

        func run() async throws {
            try await runReporting {
                let list = try await options.withVault { try await $0.healthCodeTrustList() }
                try HealthCodeCLI.writeText(list.pemEncoded(), to: out)
                print("trust list: \(out) (\(list.signers.count) certificate(s))")
            }
        }
    }
}
