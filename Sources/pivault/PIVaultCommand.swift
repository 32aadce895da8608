import ArgumentParser

/// `pivault`: the personal-information vault's command-line tool.
@main
struct PIVaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivault",
        abstract: "A personal-information vault that makes PIPL executable.",
        discussion: "Start with `pivault init`, then `pivault collect` and `pivault read`. Every command takes --help.",
        subcommands: PIVaultCommand.allSubcommands
    )
}
