import ArgumentParser

/// `pivault log`: check the transparency log's proofs and checkpoints offline.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Verify the transparency log: conformance vectors, inclusion proofs, consistency between checkpoints.",
        subcommands: [LogConformanceCommand.self, LogVerifyCommand.self, LogAuditCommand.self, LogKeygenCommand.self, LogBuildCommand.self,
                      LogHistoryCommand.self, LogKeyCommand.self, LogCheckpointCommand.self, LogCheckCommand.self]
    )
}
