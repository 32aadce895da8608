/// Dense group ids for tuples of integer codes.
///
/// Codes are combined in mixed radix while the product of cardinalities fits
/// in 62 bits; when it would not, the partial key is first renumbered densely
/// (so the radix never exceeds the number of tuples). Renumbering uses a flat
/// array when the key space is small and a hash table otherwise.
enum AnonymityGrouping {
    static let denseLimit = 1 << 23

    static func groupIDs(columns: [[Int32]], cardinalities: [Int], count: Int) -> (ids: [Int32], groups: Int) {
        guard let first = columns.first else { return ([Int32](repeating: 0, count: count), count > 0 ? 1 : 0) }
        var keys = first.map { Int64($0) }
        var space = max(cardinalities[0], 1)
        for index in columns.indices.dropFirst() {
            let radix = max(cardinalities[index], 1)
            let (product, overflow) = space.multipliedReportingOverflow(by: radix)
            if overflow || product > 1 << 62 {
                let (ids, groups) = densify(keys, space: space)
                keys = ids.map { Int64($0) }
                space = groups
            }
            let column = columns[index]
            let r = Int64(radix)
            keys.withUnsafeMutableBufferPointer { keys in
                column.withUnsafeBufferPointer { column in
                    for row in 0..<keys.count { keys[row] = keys[row] &* r &+ Int64(column[row]) }
                }
            }
            space *= radix
        }
        return densify(keys, space: space)
    }

    static func densify(_ keys: [Int64], space: Int) -> (ids: [Int32], groups: Int) {
        var ids = [Int32](repeating: 0, count: keys.count)
        var next: Int32 = 0
        if space <= denseLimit {
            var table = [Int32](repeating: -1, count: space)
            table.withUnsafeMutableBufferPointer { table in
                ids.withUnsafeMutableBufferPointer { ids in
                    keys.withUnsafeBufferPointer { keys in
                        for row in 0..<keys.count {
                            let key = Int(keys[row])
                            var id = table[key]
                            if id < 0 {
                                id = next
                                table[key] = id
                                next += 1
                            }
                            ids[row] = id
                        }
                    }
                }
            }
        } else {
            var table: [Int64: Int32] = [:]
            table.reserveCapacity(min(keys.count, 1 << 22))
            for row in keys.indices {
                let key = keys[row]
                if let id = table[key] {
                    ids[row] = id
                } else {
                    table[key] = next
                    ids[row] = next
                    next += 1
                }
            }
        }
        return (ids, Int(next))
    }
}
