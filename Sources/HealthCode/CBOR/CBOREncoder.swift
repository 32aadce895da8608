/// Encodes CBOR deterministically (RFC 8949 §4.2.1).
///
/// Heads use the shortest argument form, lengths are always definite, floats
/// use the shortest width that preserves the value, and map entries are
/// sorted by the bytewise order of their encoded keys.
public struct CBOREncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes one item.
    public func encode(_ item: CBOR) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        Self.append(item, to: &out)
        return out
    }

    static func appendHead(_ major: UInt8, _ argument: UInt64, to out: inout [UInt8]) {
        let m = major << 5
        switch argument {
        case 0..<24: out.append(m | UInt8(argument))
        case 24...0xff: out.append(contentsOf: [m | 24, UInt8(argument)])
        case 0x100...0xffff: out.append(m | 25); appendBigEndian(argument, bytes: 2, to: &out)
        case 0x10000...0xffff_ffff: out.append(m | 26); appendBigEndian(argument, bytes: 4, to: &out)
        default: out.append(m | 27); appendBigEndian(argument, bytes: 8, to: &out)
        }
    }

    static func appendBigEndian(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
        for i in stride(from: bytes - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    static func append(_ item: CBOR, to out: inout [UInt8]) {
        switch item {
        case .unsigned(let n): appendHead(0, n, to: &out)
        case .negative(let n): appendHead(1, n, to: &out)
        case .bytes(let b):
            appendHead(2, UInt64(b.count), to: &out)
            out.append(contentsOf: b)
        case .text(let s):
            let utf8 = Array(s.utf8)
            appendHead(3, UInt64(utf8.count), to: &out)
            out.append(contentsOf: utf8)
        case .array(let items):
            appendHead(4, UInt64(items.count), to: &out)
            for element in items { append(element, to: &out) }
        case .map(let entries):
            appendHead(5, UInt64(entries.count), to: &out)
            let encoded = entries.map { entry -> ([UInt8], CBOR) in
                var key: [UInt8] = []
                append(entry.key, to: &key)
                return (key, entry.value)
            }
            for (key, value) in encoded.sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
                out.append(contentsOf: key)
                append(value, to: &out)
            }
        case .tagged(let tag, let inner):
            appendHead(6, tag, to: &out)
            append(inner, to: &out)
        case .bool(let b): out.append(b ? 0xf5 : 0xf4)
        case .null: out.append(0xf6)
        case .undefined: out.append(0xf7)
        case .simple(let v):
            if v < 24 { out.append(0xe0 | v) } else { out.append(contentsOf: [0xf8, v]) }
        case .float(let d): appendFloat(d, to: &out)
        }
    }

    static func appendFloat(_ value: Double, to out: inout [UInt8]) {
        if let half = FloatBits.exactHalf(value) {
            out.append(0xf9)
            appendBigEndian(UInt64(half), bytes: 2, to: &out)
        } else if Double(Float(value)) == value {
            out.append(0xfa)
            appendBigEndian(UInt64(Float(value).bitPattern), bytes: 4, to: &out)
        } else {
            out.append(0xfb)
            appendBigEndian(value.bitPattern, bytes: 8, to: &out)
        }
    }
}
