/// Answers count, sum and mean queries with differential privacy and charges
/// the dataset's budget before anything is released.
public enum PrivacyStatistics {
    /// Runs a query over a CSV file.
    /// - Throws: ``PrivacyError``: ε ≤ 0, missing bounds, unknown columns,
    ///   non-numeric values (with the line), an exhausted budget; or
    ///   ``AnonymityError`` for unreadable CSV.
    public static func answer(path: String, query: PrivacyQuery, dataset: String, ledger: some PrivacyBudgetLedger,
                              budget: PrivacyBudget? = nil) async throws -> PrivacyAnswer {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        return try await answer(reader: AnonymityCSVReader(path: path), query: query, dataset: dataset, ledger: ledger, budget: budget, sampler: &sampler)
    }

    /// Runs a query over CSV from any reader with an injected random source.
    public static func answer<Source: PrivacyRandomSource>(
        reader: AnonymityCSVReader, query: PrivacyQuery, dataset: String, ledger: some PrivacyBudgetLedger,
        budget: PrivacyBudget? = nil, sampler: inout PrivacyDiscreteSampler<Source>
    ) async throws -> PrivacyAnswer {
        let plan = try PrivacyQueryPlan(query: query)
        let aggregates = try PrivacyAggregates.read(reader, query: query)
        var groups: [PrivacyAnswer.Group] = []
        let keys = query.groups ?? aggregates.count.keys.sorted()
        for key in keys {
            var group = PrivacyAnswer.Group(key: key)
            if let noise = plan.count {
                group.count = try noise.release(Double(aggregates.count[key] ?? 0), using: &sampler)
                group.countHalfWidth95 = noise.halfWidth95
                if let threshold = plan.threshold, group.count! < threshold { continue }
            }
            if let noise = plan.sum {
                group.sum = try noise.release(aggregates.sum[key] ?? 0, using: &sampler)
                group.sumHalfWidth95 = noise.halfWidth95
            }
            if query.statistic == .mean, let count = group.count, let sum = group.sum, let bounds = query.bounds {
                let denominator = max(count, 1)
                let mean = min(max(sum / denominator, bounds.lower), bounds.upper)
                group.mean = mean
                group.meanHalfWidth95 = min((group.sumHalfWidth95! + abs(mean) * group.countHalfWidth95!) / denominator,
                                            bounds.upper - bounds.lower)
            }
            groups.append(group)
        }
        let charge = PrivacyBudgetCharge(dataset: dataset, epsilon: query.epsilon, delta: plan.chargedDelta, query: query.summary, budget: budget)
        let balance = try await ledger.charge(charge)
        return PrivacyAnswer(
            statistic: query.statistic, groupBy: query.groupBy, value: query.value,
            bounds: query.bounds.map { [$0.lower, $0.upper] }, mechanism: query.mechanism,
            epsilon: query.epsilon, delta: plan.chargedDelta,
            components: [("count", plan.count), ("sum", plan.sum)].compactMap { role, noise in
                noise.map { PrivacyAnswer.Component(role: role, noise: $0, scale: $0.scale) }
            },
            groupSelection: plan.selectionDescription, threshold: plan.threshold, groups: groups, balance: balance,
            accuracy: "Each half-width bounds that value's noise with probability ≥ 95% (exact for discrete Laplace, 1.96σ for the discrete Gaussian; the mean's is a first-order approximation). Clamping to the bounds adds bias not covered here.")
    }
}
