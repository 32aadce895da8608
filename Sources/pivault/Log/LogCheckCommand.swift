import ArgumentParser
import PIVault
import TransparencyLog

/// `pivault log check`: recomputes the stored log and compares it with the signed checkpoint.
struct LogCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the vault's stored log: every node, every event, and the root against the latest signed checkpoint.")

    @OptionGroup var options: VaultOptions

    func run() async throws {
        try await runReporting {
            let checkpoint = try await options.withVault { try await $0.checkLog() }
            print("OK: the stored log matches checkpoint \(checkpoint.origin) at size \(checkpoint.size), root \(checkpoint.root.hex)")
        }
    }
}
