import ArgumentParser

extension PIVaultBench {
    /// Every benchmark.
    static let allBenchmarks: [any ParsableCommand.Type] = [
        FoundationBenchmark.self,
        ServerBenchmark.self,
        HealthCodeBenchmark.self,
        HealthCodeIssueBenchmark.self,
        LogBenchmark.self,
        LogStoreBenchmark.self,
        QRBenchmark.self,
        PIIBenchmark.self,
        AnonymityBenchmark.self,
        LawBenchmark.self,
        AnomalyBenchmark.self,
    ]
}
