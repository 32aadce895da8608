/// The C2SP tlog-tiles entry bundle encoding: each entry as a big-endian
/// 16-bit length followed by its bytes.
public enum EntryBundle {
    /// Encodes entries into one bundle.
    ///
    /// - Throws: ``LogError/Code/invalidArgument`` for an entry longer than 65,535 bytes.
    public static func encode(_ entries: [[UInt8]]) throws -> [UInt8] {
        var bundle: [UInt8] = []
        bundle.reserveCapacity(entries.reduce(0) { $0 + 2 + $1.count })
        for (offset, entry) in entries.enumerated() {
            guard entry.count <= Int(UInt16.max) else {
                throw LogError(.invalidArgument, "entry \(offset) of the bundle has \(entry.count) bytes; tlog-tiles entries are at most 65535")
            }
            bundle.append(UInt8(entry.count >> 8))
            bundle.append(UInt8(entry.count & 0xff))
            bundle.append(contentsOf: entry)
        }
        return bundle
    }

    /// Splits a bundle into its entries.
    ///
    /// - Throws: ``LogError/Code/invalidArgument`` when a length runs past the end.
    public static func decode(_ bundle: [UInt8]) throws -> [[UInt8]] {
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < bundle.count {
            guard offset + 2 <= bundle.count else {
                throw LogError(.invalidArgument, "entry bundle ends inside the length of entry \(entries.count)")
            }
            let length = Int(bundle[offset]) << 8 | Int(bundle[offset + 1])
            offset += 2
            guard offset + length <= bundle.count else {
                throw LogError(.invalidArgument, "entry \(entries.count) of the bundle declares \(length) bytes but only \(bundle.count - offset) remain")
            }
            entries.append(Array(bundle[offset..<(offset + length)]))
            offset += length
        }
        return entries
    }
}
