/// The configuration resolved against a table's header and checked.
struct AnonymityPlan: Sendable {
    let quasi: [Int]
    let sensitive: [Int]
    let released: [Int]

    init(table: AnonymityTable, configuration: AnonymityConfiguration) throws {
        guard !configuration.quasiIdentifiers.isEmpty else {
            throw AnonymityError(.invalidParameter, "name at least one quasi-identifier column (--quasi)")
        }
        quasi = try configuration.quasiIdentifiers.map(table.columnIndex)
        sensitive = try configuration.sensitiveAttributes.map(table.columnIndex)
        let dropped = try configuration.dropped.map(table.columnIndex)
        var role: [Int: String] = [:]
        for (indices, name) in [(quasi, "quasi-identifier"), (sensitive, "sensitive attribute"), (dropped, "dropped column")] {
            for index in indices {
                if let other = role[index] {
                    throw AnonymityError(.duplicateColumn, "column \"\(table.header[index])\" is named as both \(other) and \(name); give each column one role")
                }
                role[index] = name
            }
        }
        let k = configuration.k, l = configuration.l
        guard k >= 1 else { throw AnonymityError(.invalidParameter, "k must be at least 1 (got \(k))") }
        guard k <= table.rowCount else {
            throw AnonymityError(.invalidParameter, "k = \(k) is larger than the table's \(table.rowCount) rows; choose k ≤ \(table.rowCount)")
        }
        guard l >= 1 else { throw AnonymityError(.invalidParameter, "l must be at least 1 (got \(l))") }
        guard l == 1 || !sensitive.isEmpty else {
            throw AnonymityError(.invalidParameter, "l-diversity needs a sensitive column (--sensitive)")
        }
        for index in sensitive where table.columns[index].values.count < l {
            throw AnonymityError(.unsatisfiable, "sensitive column \"\(table.header[index])\" has only \(table.columns[index].values.count) distinct values, fewer than l = \(l); lower l")
        }
        guard configuration.maxSuppression >= 0, configuration.maxSuppression <= 1 else {
            throw AnonymityError(.invalidParameter, "the suppression limit must be between 0% and 100%")
        }
        let droppedSet = Set(dropped)
        released = table.header.indices.filter { !droppedSet.contains($0) }
    }
}
