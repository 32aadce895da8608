/// The table reduced to its distinct (quasi-identifier, sensitive) tuples
/// with a count each; every lattice node is evaluated over these instead of
/// the raw rows.
struct AnonymityCombos {
    /// Base codes per quasi-identifier, one per combo.
    let quasi: [[Int32]]
    /// Base codes per sensitive attribute, one per combo.
    let sensitive: [[Int32]]
    /// Sensitive-attribute domain sizes.
    let sensitiveCardinalities: [Int]
    /// Rows per combo.
    let counts: [Int32]
    /// The combo of every row.
    let rowCombo: [Int32]

    init(table: AnonymityTable, quasi quasiIndices: [Int], sensitive sensitiveIndices: [Int]) {
        let indices = quasiIndices + sensitiveIndices
        let columns = indices.map { table.columns[$0].codes }
        let cardinalities = indices.map { table.columns[$0].values.count }
        let (rowCombo, comboCount) = AnonymityGrouping.groupIDs(columns: columns, cardinalities: cardinalities, count: table.rowCount)
        var representative = [Int32](repeating: -1, count: comboCount)
        var counts = [Int32](repeating: 0, count: comboCount)
        for row in 0..<table.rowCount {
            let combo = Int(rowCombo[row])
            if representative[combo] < 0 { representative[combo] = Int32(row) }
            counts[combo] += 1
        }
        func project(_ column: Int) -> [Int32] {
            let codes = table.columns[column].codes
            return representative.map { codes[Int($0)] }
        }
        self.quasi = quasiIndices.map(project)
        self.sensitive = sensitiveIndices.map(project)
        self.sensitiveCardinalities = sensitiveIndices.map { table.columns[$0].values.count }
        self.counts = counts
        self.rowCombo = rowCombo
    }
}
