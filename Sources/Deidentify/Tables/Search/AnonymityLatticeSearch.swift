/// Bottom-up search over the generalisation lattice (one level per
/// quasi-identifier) for the node with the least information loss among
/// the minimal nodes that meet k, l and the suppression limit.
///
/// Nodes are visited in order of height (sum of levels), as in Samarati's
/// and Incognito's bottom-up search. Both models are monotone under
/// generalisation with record suppression — merging classes never puts a
/// released row back into a class that is too small or too uniform — so a
/// node with a satisfying direct predecessor satisfies too and is not
/// minimal; it is tagged without being evaluated (predictive tagging as in
/// OLA, El Emam et al. 2009).
struct AnonymityLatticeSearch {
    struct Outcome {
        let levels: [Int]
        let evaluation: AnonymityNodeEvaluation
        let certaintyPenalty: Double
        let discernibility: Double
        let latticeSize: Int
        let nodesEvaluated: Int
        let minimalNodes: Int
    }

    static let maximumLatticeSize = 2_000_000

    let hierarchies: [AnonymityHierarchy]
    let combos: AnonymityCombos
    let rows: Int
    let k: Int
    let l: Int
    let maxSuppressedRows: Int

    func run() throws -> Outcome {
        let radices = hierarchies.map { $0.height + 1 }
        var strides = [Int](repeating: 1, count: radices.count)
        var size = 1
        for index in radices.indices.reversed() {
            strides[index] = size
            let (product, overflow) = size.multipliedReportingOverflow(by: radices[index])
            guard !overflow, product <= Self.maximumLatticeSize else {
                throw AnonymityError(.invalidParameter, "the generalisation lattice has more than \(Self.maximumLatticeSize) nodes; use fewer quasi-identifiers or hierarchies with fewer levels")
            }
            size = product
        }
        func levels(of node: Int) -> [Int] { radices.indices.map { node / strides[$0] % radices[$0] } }
        let order = (0..<size).sorted {
            let a = levels(of: $0).reduce(0, +), b = levels(of: $1).reduce(0, +)
            return a == b ? $0 < $1 : a < b
        }
        var satisfied = [Bool](repeating: false, count: size)
        var best: Outcome?
        var evaluated = 0
        var minimal = 0
        for node in order {
            let nodeLevels = levels(of: node)
            if nodeLevels.indices.contains(where: { nodeLevels[$0] > 0 && satisfied[node - strides[$0]] }) {
                satisfied[node] = true
                continue
            }
            let evaluation = AnonymityNodeEvaluation(levels: nodeLevels, hierarchies: hierarchies, combos: combos, k: k, l: l)
            evaluated += 1
            guard evaluation.suppressedRows <= maxSuppressedRows, evaluation.suppressedRows < rows else { continue }
            satisfied[node] = true
            minimal += 1
            let penalty = evaluation.certaintyPenalty(levels: nodeLevels, hierarchies: hierarchies, combos: combos, rows: rows)
            if best == nil || penalty < best!.certaintyPenalty {
                best = Outcome(levels: nodeLevels, evaluation: evaluation, certaintyPenalty: penalty,
                               discernibility: evaluation.discernibility(rows: rows),
                               latticeSize: size, nodesEvaluated: 0, minimalNodes: 0)
            }
        }
        guard let best else {
            throw AnonymityError(.unsatisfiable, "no generalisation meets k=\(k), l=\(l) within the suppression limit; lower k or l, raise --max-suppression, or add coarser hierarchy levels")
        }
        return Outcome(levels: best.levels, evaluation: best.evaluation, certaintyPenalty: best.certaintyPenalty,
                       discernibility: best.discernibility, latticeSize: size, nodesEvaluated: evaluated, minimalNodes: minimal)
    }
}
