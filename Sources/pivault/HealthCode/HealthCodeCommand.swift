import ArgumentParser

/// `pivault healthcode`: signed health codes in the EU DCC "HC1:" format.
struct HealthCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcode",
        abstract: "Issue, verify and test signed health codes (EU DCC \"HC1:\" format, no identity in the payload).",
        subcommands: [
            HealthCodeKeysCommand.self, HealthCodeIssueCommand.self, HealthCodeRenderCommand.self, HealthCodeVerifyCommand.self,
            HealthCodeRevokeCommand.self, HealthCodeRevocationsCommand.self, HealthCodeConformanceCommand.self,
        ])
}
