/// Generalises and suppresses a table until it meets k-anonymity and
/// distinct l-diversity (GB/T 37964-2019), choosing the generalisation with
/// the least information loss among the minimal ones.
public enum AnonymityAnonymizer {
    /// Anonymises a table.
    /// - Throws: ``AnonymityError``: unknown or doubly-used columns (named),
    ///   k or l out of range, a value that does not fit its hierarchy (with
    ///   its line), or no generalisation meeting the models.
    public static func anonymize(_ table: AnonymityTable, configuration: AnonymityConfiguration) throws -> AnonymityResult {
        let plan = try AnonymityPlan(table: table, configuration: configuration)
        let hierarchies = try plan.quasi.map { index -> AnonymityHierarchy in
            let column = table.columns[index]
            let spec = configuration.hierarchies[column.name] ?? .infer(domain: column.values)
            return try spec.build(column: column)
        }
        let combos = AnonymityCombos(table: table, quasi: plan.quasi, sensitive: plan.sensitive)
        let limit = Int((configuration.maxSuppression * Double(table.rowCount) + 1e-9).rounded(.down))
        let search = AnonymityLatticeSearch(hierarchies: hierarchies, combos: combos, rows: table.rowCount,
                                            k: configuration.k, l: configuration.l, maxSuppressedRows: limit)
        let outcome = try search.run()
        let evaluation = outcome.evaluation
        var achievedK = Int.max
        var achievedL = Int.max
        var classes = 0
        for index in evaluation.classSize.indices where evaluation.released[index] {
            classes += 1
            achievedK = min(achievedK, evaluation.classSize[index])
            if !plan.sensitive.isEmpty {
                achievedL = min(achievedL, evaluation.classDiversity[index] == Int.max ? 0 : evaluation.classDiversity[index])
            }
        }
        if !plan.sensitive.isEmpty && configuration.l <= 1 {
            achievedL = AnonymityResult.measuredDiversity(table: table, sensitive: plan.sensitive, combos: combos, evaluation: evaluation)
        }
        let releasedRows = table.rowCount - evaluation.suppressedRows
        let (statement, reasons) = AnonymityReleaseAssessment.assess(
            table: table, configuration: configuration, released: plan.released, releasedRows: releasedRows,
            achievedK: achievedK, achievedL: plan.sensitive.isEmpty ? nil : achievedL,
            levels: Dictionary(uniqueKeysWithValues: plan.quasi.indices.map { (table.header[plan.quasi[$0]], outcome.levels[$0]) }))
        let report = AnonymityReport(
            standard: "GB/T 37964-2019 (k-anonymity, distinct l-diversity, generalisation and record suppression)",
            rows: table.rowCount,
            releasedRows: releasedRows,
            suppressedRows: evaluation.suppressedRows,
            suppressionLimitRows: limit,
            requestedK: configuration.k,
            requestedL: configuration.l,
            achievedK: achievedK,
            achievedL: plan.sensitive.isEmpty ? nil : achievedL,
            equivalenceClasses: classes,
            quasiIdentifiers: configuration.quasiIdentifiers,
            sensitiveAttributes: configuration.sensitiveAttributes,
            droppedColumns: configuration.dropped,
            releasedColumns: plan.released.map { table.header[$0] },
            levels: plan.quasi.indices.map { q in
                let column = table.columns[plan.quasi[q]]
                return .init(column: column.name,
                             hierarchy: (configuration.hierarchies[column.name] ?? .infer(domain: column.values)).name,
                             level: outcome.levels[q], height: hierarchies[q].height,
                             name: hierarchies[q].levelNames[outcome.levels[q]])
            },
            informationLoss: .init(metric: "normalised certainty penalty (Xu et al. 2006), suppressed cells count 1",
                                   value: outcome.certaintyPenalty, discernibility: outcome.discernibility),
            search: .init(latticeSize: outcome.latticeSize, nodesEvaluated: outcome.nodesEvaluated, minimalNodes: outcome.minimalNodes),
            statement: statement,
            basis: AnonymityReleaseAssessment.basis(statement: statement, k: achievedK, l: plan.sensitive.isEmpty ? nil : achievedL),
            reasons: reasons,
            caveat: "The claim holds for the declared quasi-identifiers against linkage on them; have the release assessed (GB/T 42460-2023) before publication.")
        return AnonymityResult(report: report, table: table, plan: plan, hierarchies: hierarchies,
                               levels: outcome.levels, rowCombo: combos.rowCombo,
                               comboClass: evaluation.classOf, releasedClass: evaluation.released)
    }
}
