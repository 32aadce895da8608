/// A generalisation hierarchy over one column's distinct values (GB/T 37964
/// generalisation): level 0 is the value itself, each higher level is coarser,
/// and the top level is the suppression symbol `*`.
///
/// Levels are stored as code maps so a row's generalised value is two array
/// look-ups: `levelCodes[h][baseCode]` indexes `labels[h]`.
public struct AnonymityHierarchy: Sendable {
    /// A short name for each level (e.g. "value", "month", "year", "*").
    public let levelNames: [String]
    /// For each level, the generalised code of every base value.
    public let levelCodes: [[Int32]]
    /// For each level, the label of every generalised code.
    public let labels: [[String]]
    /// For each level and generalised code, the normalised certainty penalty:
    /// (values covered − 1) / (distinct values − 1), 0 for a value kept as is, 1 for `*`.
    public let penalties: [[Double]]

    /// The highest level (its only label is `*`).
    public var height: Int { levelCodes.count - 1 }

    /// Builds a hierarchy from a generalisation function.
    ///
    /// - Parameters:
    ///   - domain: the column's distinct values (index = base code).
    ///   - levelNames: names of the intermediate levels (between the value and `*`).
    ///   - generalise: returns the label of `domain[i]` at intermediate level `level` (1-based).
    /// - Throws: ``AnonymityError`` when a level is not a coarsening of the level
    ///   below it (two values share a label at level h but not at h + 1); that
    ///   property is what lets the lattice search prune by monotonicity.
    public init(column: String, domain: [String], levelNames names: [String], generalise: (Int, Int) throws -> String) throws {
        var codes: [[Int32]] = [domain.indices.map { Int32($0) }]
        var labels: [[String]] = [domain]
        var kept: [String] = ["value"]
        var previous = codes[0]
        var previousCount = domain.count
        for (offset, name) in names.enumerated() {
            var interner: [String: Int32] = [:]
            var levelLabels: [String] = []
            var levelCodes = [Int32](repeating: 0, count: domain.count)
            for index in domain.indices {
                let label = try generalise(index, offset + 1)
                if let code = interner[label] {
                    levelCodes[index] = code
                } else {
                    let code = Int32(levelLabels.count)
                    interner[label] = code
                    levelLabels.append(label)
                    levelCodes[index] = code
                }
            }
            try Self.checkNesting(column: column, lower: previous, lowerCount: previousCount, upper: levelCodes, level: offset + 1)
            previous = levelCodes
            previousCount = levelLabels.count
            // A level that partitions the values exactly like the one below, or
            // puts them all in one group like `*`, adds nothing to the search.
            if levelLabels.count == labels[labels.count - 1].count || levelLabels.count == 1 { continue }
            codes.append(levelCodes)
            labels.append(levelLabels)
            kept.append(name)
        }
        if labels[labels.count - 1] != ["*"] {
            codes.append([Int32](repeating: 0, count: domain.count))
            labels.append(["*"])
            kept.append("*")
        }
        self.levelCodes = codes
        self.labels = labels
        self.levelNames = kept
        let denominator = Double(max(domain.count - 1, 1))
        self.penalties = zip(codes, labels).map { levelCodes, levelLabels in
            var covered = [Int](repeating: 0, count: levelLabels.count)
            for code in levelCodes { covered[Int(code)] += 1 }
            return covered.map { domain.count <= 1 ? 0 : Double($0 - 1) / denominator }
        }
    }

    private static func checkNesting(column: String, lower: [Int32], lowerCount: Int, upper: [Int32], level: Int) throws {
        var parent = [Int32](repeating: -1, count: lowerCount)
        for base in lower.indices {
            let group = Int(lower[base])
            if parent[group] == -1 {
                parent[group] = upper[base]
            } else if parent[group] != upper[base] {
                throw AnonymityError(.invalidHierarchy, "the hierarchy for column \"\(column)\" is not nested: a group at level \(level - 1) is split at level \(level); every level must merge groups of the level below")
            }
        }
    }
}
