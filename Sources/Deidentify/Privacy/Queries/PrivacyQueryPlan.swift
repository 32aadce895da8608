/// How a query's ε and δ are split between its noisy components and key
/// selection (basic composition; rows in different groups compose in parallel).
///
/// - count: one noisy count with all of ε.
/// - sum: with public keys one noisy sum with all of ε; otherwise a noisy
///   count (ε/2, used to select keys and released too) and a noisy sum (ε/2).
/// - mean: a noisy count and a noisy sum, ε/2 each.
/// Key selection from the data, when no public key list is given, spends δ
/// (all of it under Laplace, half under Gaussian); Gaussian components share
/// the rest of δ equally.
struct PrivacyQueryPlan {
    let count: PrivacyNoise?
    let sum: PrivacyNoise?
    let threshold: Double?
    let chargedDelta: Double
    let selectionDescription: String

    init(query: PrivacyQuery) throws {
        let epsilon = query.epsilon, delta = query.delta
        guard epsilon > 0, epsilon.isFinite else {
            throw PrivacyError(.invalidParameter, "ε must be a positive number (got \(epsilon)); e.g. --epsilon 0.5")
        }
        guard delta >= 0, delta < 1 else {
            throw PrivacyError(.invalidParameter, "δ must be in [0, 1) (got \(delta)); e.g. --delta 1e-6")
        }
        let selecting = query.groups == nil && query.groupBy != nil
        if selecting && delta == 0 {
            throw PrivacyError(.invalidParameter, "releasing the values of \"\(query.groupBy!)\" found in the data is not ε-DP on its own: give the public list of keys with --groups, or a δ (e.g. --delta 1e-6) to release only keys whose noisy count clears a threshold")
        }
        if query.mechanism == .gaussian && delta == 0 {
            throw PrivacyError(.invalidParameter, "the Gaussian mechanism needs δ > 0; give --delta, e.g. 1e-6")
        }
        var bounds: (lower: Double, upper: Double)?
        if query.statistic != .count {
            guard query.value != nil else {
                throw PrivacyError(.invalidParameter, "\(query.statistic.rawValue) needs the numeric column to aggregate (--value)")
            }
            guard let given = query.bounds, given.lower < given.upper, given.lower.isFinite, given.upper.isFinite else {
                throw PrivacyError(.invalidParameter, "\(query.statistic.rawValue) needs --bounds lo,hi with lo < hi, chosen from domain knowledge (not from the data)")
            }
            bounds = given
        }
        let needsCount = query.statistic != .sum || selecting
        let needsSum = query.statistic != .count
        let components = (needsCount ? 1 : 0) + (needsSum ? 1 : 0)
        let share = epsilon / Double(components)
        let selectionDelta: Double
        let mechanismDelta: Double
        switch (query.mechanism, selecting) {
        case (.laplace, true): (selectionDelta, mechanismDelta) = (delta, 0)
        case (.laplace, false): (selectionDelta, mechanismDelta) = (0, 0)
        case (.gaussian, true): (selectionDelta, mechanismDelta) = (delta / 2, delta / 2 / Double(components))
        case (.gaussian, false): (selectionDelta, mechanismDelta) = (0, delta / Double(components))
        }
        func noise(sensitivity: Double, integral: Bool) throws -> PrivacyNoise {
            switch query.mechanism {
            case .laplace: try .laplace(epsilon: share, sensitivity: sensitivity, integral: integral)
            case .gaussian: try .gaussian(epsilon: share, delta: mechanismDelta, sensitivity: sensitivity, integral: integral)
            }
        }
        count = needsCount ? try noise(sensitivity: 1, integral: true) : nil
        sum = try bounds.map { try noise(sensitivity: max(abs($0.lower), abs($0.upper)), integral: false) }
        threshold = selecting ? count!.selectionThreshold(delta: selectionDelta) : nil
        chargedDelta = query.mechanism == .laplace ? selectionDelta : delta
        if let groupBy = query.groupBy {
            selectionDescription = selecting
                ? "keys of \"\(groupBy)\" found in the data, released only when the noisy count reaches the threshold (δ = \(selectionDelta))"
                : "public key list given with the query"
        } else {
            selectionDescription = "one overall group"
        }
    }
}
