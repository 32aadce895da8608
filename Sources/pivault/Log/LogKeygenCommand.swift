import ArgumentParser
import Foundation
import TransparencyLog

/// `pivault log keygen NAME`: creates an Ed25519 checkpoint signing key.
struct LogKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a checkpoint signing key pair in the C2SP signed-note text form.",
        discussion: "Writes the private key to --signer-file (mode 0600) and prints the public verifier key."
    )

    @Argument(help: "The key name; by convention the log's origin (no spaces or '+').")
    var name: String

    @Option(help: "Where to write the PRIVATE+KEY+… signer key.")
    var signerFile: String

    func run() async throws {
        do {
            guard !FileManager.default.fileExists(atPath: signerFile) else {
                throw LogError(.io, "\(signerFile) exists; choose another path rather than overwrite a signing key")
            }
            let signer = try NoteSigner.generate(name: name)
            guard FileManager.default.createFile(
                atPath: signerFile, contents: Data((signer.exportPrivateKeyText() + "\n").utf8),
                attributes: [.posixPermissions: 0o600]) else {
                throw LogError(.io, "cannot write signer key file \(signerFile)")
            }
            print(signer.verifier.text)
        } catch {
            throw LogCommandSupport.fail(error)
        }
    }
}
