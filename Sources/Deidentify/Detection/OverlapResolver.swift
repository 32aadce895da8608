/// Chooses among overlapping candidate spans.
///
/// Candidates are taken in order of confidence, then length, then type priority
/// (validated identifiers before free-text types); each is kept only if it overlaps no span
/// already kept. A check character therefore decides between a resident ID and a card
/// number of the same digits, and a number inside an address is not also an address.
enum OverlapResolver {
    static func resolve(_ candidates: consuming [PIISpan]) -> [PIISpan] {
        // Common case: no two candidates overlap; then ordering by start is all there is to do.
        var byStart = candidates
        guard byStart.count > 1 else { return byStart }
        insertionSort(&byStart)
        var clash = false
        for k in 1..<byStart.count where byStart[k].start < byStart[k - 1].end { clash = true; break }
        if !clash { return byStart }
        let ordered = byStart.sorted { a, b in
            if a.confidence != b.confidence { return a.confidence > b.confidence }
            if a.length != b.length { return a.length > b.length }
            return a.start < b.start
        }
        var kept: [PIISpan] = []
        kept.reserveCapacity(ordered.count)
        for c in ordered where !kept.contains(where: { $0.overlaps(c) }) {
            kept.append(c)
        }
        insertionSort(&kept)
        return kept
    }

    /// Sorts by start; candidates arrive in a few already-sorted runs, so this is near-linear.
    private static func insertionSort(_ a: inout [PIISpan]) {
        guard a.count > 1 else { return }
        for i in 1..<a.count {
            let x = a[i]
            var j = i - 1
            while j >= 0, a[j].start > x.start {
                a[j + 1] = a[j]
                j -= 1
            }
            a[j + 1] = x
        }
    }
}
