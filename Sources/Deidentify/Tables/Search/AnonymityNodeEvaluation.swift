/// The equivalence classes of one lattice node and which of them satisfy
/// k-anonymity and distinct l-diversity (GB/T 37964-2019 models).
struct AnonymityNodeEvaluation {
    /// The class of each combo.
    let classOf: [Int32]
    /// Rows per class.
    let classSize: [Int]
    /// Smallest number of distinct sensitive values per class over all sensitive attributes (Int.max when none).
    let classDiversity: [Int]
    /// Whether each class is released (size ≥ k and diversity ≥ l).
    let released: [Bool]
    /// Rows in classes that must be suppressed.
    let suppressedRows: Int

    init(levels: [Int], hierarchies: [AnonymityHierarchy], combos: AnonymityCombos, k: Int, l: Int) {
        let generalised = hierarchies.indices.map { q -> [Int32] in
            let map = hierarchies[q].levelCodes[levels[q]]
            return map.withUnsafeBufferPointer { map in combos.quasi[q].map { map[Int($0)] } }
        }
        let cardinalities = hierarchies.indices.map { hierarchies[$0].labels[levels[$0]].count }
        let (classOf, classes) = AnonymityGrouping.groupIDs(columns: generalised, cardinalities: cardinalities, count: combos.counts.count)
        var size = [Int](repeating: 0, count: classes)
        for combo in classOf.indices { size[Int(classOf[combo])] += Int(combos.counts[combo]) }
        var diversity = [Int](repeating: Int.max, count: classes)
        if l > 1 {
            for (attribute, codes) in combos.sensitive.enumerated() {
                let (pairs, pairCount) = AnonymityGrouping.groupIDs(columns: [classOf, codes], cardinalities: [classes, combos.sensitiveCardinalities[attribute]], count: classOf.count)
                var seen = [Bool](repeating: false, count: pairCount)
                var distinct = [Int](repeating: 0, count: classes)
                for combo in pairs.indices where !seen[Int(pairs[combo])] {
                    seen[Int(pairs[combo])] = true
                    distinct[Int(classOf[combo])] += 1
                }
                for index in 0..<classes { diversity[index] = min(diversity[index], distinct[index]) }
            }
        }
        var released = [Bool](repeating: false, count: classes)
        var suppressed = 0
        for index in 0..<classes {
            released[index] = size[index] >= k && diversity[index] >= l
            if !released[index] { suppressed += size[index] }
        }
        self.classOf = classOf
        self.classSize = size
        self.classDiversity = diversity
        self.released = released
        self.suppressedRows = suppressed
    }

    /// Normalised certainty penalty (Xu et al., KDD 2006) averaged over all
    /// quasi-identifier cells in [0, 1]; a suppressed row costs 1 per cell.
    func certaintyPenalty(levels: [Int], hierarchies: [AnonymityHierarchy], combos: AnonymityCombos, rows: Int) -> Double {
        var total = 0.0
        for q in hierarchies.indices {
            let map = hierarchies[q].levelCodes[levels[q]]
            let penalty = hierarchies[q].penalties[levels[q]]
            let codes = combos.quasi[q]
            for combo in codes.indices where released[Int(classOf[combo])] {
                total += penalty[Int(map[Int(codes[combo])])] * Double(combos.counts[combo])
            }
        }
        total += Double(suppressedRows * hierarchies.count)
        return total / Double(max(rows * hierarchies.count, 1))
    }

    /// Discernibility metric (Bayardo & Agrawal, ICDE 2005): Σ |class|² over
    /// released classes plus |rows| for each suppressed row.
    func discernibility(rows: Int) -> Double {
        var total = 0.0
        for index in classSize.indices where released[index] { total += Double(classSize[index]) * Double(classSize[index]) }
        return total + Double(suppressedRows) * Double(rows)
    }
}
