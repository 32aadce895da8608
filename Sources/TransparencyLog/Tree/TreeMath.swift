/// Index arithmetic for RFC 9162 trees, shared by proof generation,
/// integration and tiles. Pure functions of sizes; no hashing.
enum TreeMath {
    /// The largest power of two strictly less than `n` (RFC 9162 §2.1.1's k), for n > 1.
    static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n > 1, "only trees of two or more leaves split")
        return 1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }

    /// The complete subtrees that make up the leaf range `range`, left to right.
    ///
    /// Every range that RFC 9162's recursion produces starts at a multiple of a
    /// power of two at least as large as the range, so its decomposition into the
    /// largest aligned subtrees is exactly the RFC's left-heavy split, and its
    /// MTH is the right-to-left fold of these subtrees' hashes.
    static func subtrees(covering range: Range<UInt64>) -> [NodeID] {
        var ids: [NodeID] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let remaining = range.upperBound - position
            let fits = 63 - remaining.leadingZeroBitCount
            let aligned = position == 0 ? 63 : position.trailingZeroBitCount
            let level = min(fits, aligned)
            ids.append(NodeID(level: UInt8(level), index: position >> UInt64(level)))
            position += 1 << UInt64(level)
        }
        return ids
    }

    /// The ranges whose MTHs form PATH(m, D[n]) (RFC 9162 §2.1.3.1), in proof order.
    static func inclusionRanges(index: UInt64, size: UInt64) -> [Range<UInt64>] {
        var outer: [Range<UInt64>] = []
        var low: UInt64 = 0
        var high = size
        while high - low > 1 {
            let k = splitPoint(high - low)
            if index < low + k {
                outer.append((low + k)..<high)
                high = low + k
            } else {
                outer.append(low..<(low + k))
                low += k
            }
        }
        return outer.reversed()
    }

    /// The ranges whose MTHs form PROOF(m, D[n]) = SUBPROOF(m, D[n], true)
    /// (RFC 9162 §2.1.4.1), in proof order, for 0 < old ≤ new.
    static func consistencyRanges(old: UInt64, new: UInt64) -> [Range<UInt64>] {
        var outer: [Range<UInt64>] = []
        var first: [Range<UInt64>] = []
        var m = old
        var low: UInt64 = 0
        var high = new
        var isOriginalTree = true
        while true {
            if m == high - low {
                // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}.
                if !isOriginalTree { first.append(low..<high) }
                break
            }
            let k = splitPoint(high - low)
            if m <= k {
                outer.append((low + k)..<high)
                high = low + k
            } else {
                outer.append(low..<(low + k))
                m -= k
                low += k
                isOriginalTree = false
            }
        }
        return first + outer.reversed()
    }

    /// The complete subtrees on the right border of a tree of `size` leaves,
    /// largest first (the compact range used to extend the tree).
    static func border(size: UInt64) -> [NodeID] {
        subtrees(covering: 0..<size)
    }
}
