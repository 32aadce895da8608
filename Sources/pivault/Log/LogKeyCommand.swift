import ArgumentParser
import PIVault

/// `pivault log key`: the vault log's public verifier key, to publish.
struct LogKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the vault's transparency-log verifier key (name+hexid+base64), for offline verification.")

    @OptionGroup var options: VaultOptions

    func run() async throws {
        try await runReporting {
            print(try await options.withVault { $0.logVerifierKey })
        }
    }
}
