import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault receipt verify|public-key`.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Check signed receipts offline, and publish the key that signs them.",
        subcommands: [Verify.self, PublicKey.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify a signed receipt with the vault's published public key; needs no vault.")
        @Argument(help: "The receipt file.") var file: String
        @Option(help: "The vault's public key (base64) or a file holding it.") var publicKey: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                CLI.warn("error: cannot read \(file)")
                throw ExitCode(1)
            }
            let key = FileManager.default.fileExists(atPath: publicKey)
                ? String(decoding: FileManager.default.contents(atPath: publicKey) ?? Data(), as: UTF8.self) : publicKey
            do {
                let document = try SignedDocument.verify(data, trustedPublicKey: key)
                if case .object(let fields) = document, case .string(let id)? = fields["consentReceiptID"] {
                    print("valid: receipt \(id) was signed by this vault and is unaltered")
                } else {
                    print("valid: the document was signed by this vault and is unaltered")
                }
            } catch {
                CLI.warn("invalid: \(error)")
                throw ExitCode(1)
            }
        }
    }

    struct PublicKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "public-key", abstract: "Print the vault's Ed25519 public key (base64) for verifiers.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                let key = try await options.withVault { $0.signer.publicKeyBase64 }
                print(key)
            }
        }
    }
}
