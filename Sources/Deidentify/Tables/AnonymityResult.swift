/// A finished anonymisation: the report and the means to write the released table.
public struct AnonymityResult: Sendable {
    /// What was released and how well it is protected.
    public let report: AnonymityReport
    let table: AnonymityTable
    let plan: AnonymityPlan
    let hierarchies: [AnonymityHierarchy]
    let levels: [Int]
    let rowCombo: [Int32]
    let comboClass: [Int32]
    let releasedClass: [Bool]

    /// Streams the released table: header first, then the kept rows in input
    /// order, quasi-identifiers generalised, dropped columns left out.
    public func forEachReleasedRecord(_ body: ([String]) throws -> Void) throws {
        try body(plan.released.map { table.header[$0] })
        var quasiPosition = [Int: Int]()
        for (position, index) in plan.quasi.enumerated() { quasiPosition[index] = position }
        let projections: [(Int) -> String] = plan.released.map { index in
            let column = table.columns[index]
            if let q = quasiPosition[index] {
                let map = hierarchies[q].levelCodes[levels[q]]
                let labels = hierarchies[q].labels[levels[q]]
                return { row in labels[Int(map[Int(column.codes[row])])] }
            }
            return { row in column.values[Int(column.codes[row])] }
        }
        var record = [String](repeating: "", count: projections.count)
        for row in 0..<table.rowCount where releasedClass[Int(comboClass[Int(rowCombo[row])])] {
            for (position, projection) in projections.enumerated() { record[position] = projection(row) }
            try body(record)
        }
    }

    /// Writes the released table and commits it (temporary file, then rename).
    public func write(to writer: AnonymityCSVWriter) throws {
        do {
            try forEachReleasedRecord { try writer.write($0) }
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }

    /// The released table in memory, header first (for small tables and tests).
    public func releasedRecords() throws -> [[String]] {
        var records: [[String]] = []
        try forEachReleasedRecord { records.append($0) }
        return records
    }

    /// Distinct sensitive values in the least diverse released class, when l-diversity was not requested.
    static func measuredDiversity(table: AnonymityTable, sensitive: [Int], combos: AnonymityCombos, evaluation: AnonymityNodeEvaluation) -> Int {
        var least = Int.max
        for attribute in sensitive.indices {
            var seen: [Set<Int32>] = Array(repeating: [], count: evaluation.classSize.count)
            for combo in evaluation.classOf.indices where evaluation.released[Int(evaluation.classOf[combo])] {
                seen[Int(evaluation.classOf[combo])].insert(combos.sensitive[attribute][combo])
            }
            for index in seen.indices where evaluation.released[index] { least = min(least, seen[index].count) }
        }
        return least
    }
}
