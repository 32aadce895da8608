import ArgumentParser
import PIVault

/// `pivault log checkpoint`: signs a checkpoint if the log grew, and prints the latest.
struct LogCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Publish a checkpoint if the vault's log grew and print the latest signed checkpoint (C2SP signed note).")

    @OptionGroup var options: VaultOptions

    func run() async throws {
        try await runReporting {
            let note = try await options.withVault { vault in
                try await vault.publishCheckpoint()
                return try await vault.latestCheckpoint()
            }
            print(note, terminator: "")
        }
    }
}
