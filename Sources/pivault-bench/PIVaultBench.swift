import ArgumentParser

/// `pivault-bench`: release-build benchmarks that print their figures and, where a peer exists, the ratio.
@main
struct PIVaultBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivault-bench",
        abstract: "Benchmarks for pivault. Run with `swift run -c release pivault-bench <name>`.",
        subcommands: PIVaultBench.allBenchmarks
    )
}
