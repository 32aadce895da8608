/// Chooses among overlapping candidate spans.
///
/// Candidates are taken in order of confidence, then length, then type priority
/// (validated identifiers before free-text types); each is kept only if it overlaps no span
/// already kept. A check character therefore decides between a resident ID and a card
/// number of the same digits, and a number inside an address is not also an address.
enum OverlapResolver {
    static func resolve(_ candidates: [PIISpan]) -> [PIISpan] {
        guard candidates.count > 1 else { return candidates }
        let ordered = candidates.sorted { a, b in
            if a.confidence != b.confidence { return a.confidence > b.confidence }
            if a.length != b.length { return a.length > b.length }
            return a.start < b.start
        }
        var kept: [PIISpan] = []
        kept.reserveCapacity(ordered.count)
        for c in ordered where !kept.contains(where: { $0.overlaps(c) }) {
            kept.append(c)
        }
        kept.sort { $0.start < $1.start }
        return kept
    }
}
