/// A CBOR data item (RFC 8949 §3).
///
/// Integers keep their major type (`unsigned`/`negative`) so that every
/// 64-bit value round-trips; bignums stay tagged (tags 2 and 3, §3.4.3).
/// All floating-point widths decode to `float(Double)`; the encoder picks the
/// shortest width that preserves the value (§4.2.1, preferred serialization).
public indirect enum CBOR: Sendable, Hashable {
    /// Major type 0: an unsigned integer.
    case unsigned(UInt64)
    /// Major type 1: the integer `-1 - n`.
    case negative(UInt64)
    /// Major type 2: a byte string.
    case bytes([UInt8])
    /// Major type 3: a UTF-8 text string.
    case text(String)
    /// Major type 4: an array.
    case array([CBOR])
    /// Major type 5: a map, in wire order.
    ///
    /// `==` compares maps entry by entry in this order; to compare maps as
    /// unordered, compare their deterministic encodings (``CBOREncoder``).
    case map([CBORPair])
    /// Major type 6: a tagged item.
    case tagged(UInt64, CBOR)
    /// `true` or `false` (simple values 20 and 21).
    case bool(Bool)
    /// `null` (simple value 22).
    case null
    /// `undefined` (simple value 23).
    case undefined
    /// Any other simple value (0–19, 32–255).
    case simple(UInt8)
    /// A half-, single- or double-precision float.
    case float(Double)
}

/// One key/value entry of a CBOR map.
public struct CBORPair: Sendable, Hashable {
    /// The key.
    public var key: CBOR
    /// The value.
    public var value: CBOR

    /// Creates an entry.
    public init(_ key: CBOR, _ value: CBOR) {
        self.key = key
        self.value = value
    }
}

extension CBOR {
    /// An integer item for a signed value.
    public static func int(_ value: Int64) -> CBOR {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-(value + 1)))
    }

    /// A map item built from entries in the given order.
    public static func map(pairs entries: [(CBOR, CBOR)]) -> CBOR {
        .map(entries.map { CBORPair($0.0, $0.1) })
    }

    /// The value as `Int64` if it is an integer that fits.
    public var int64: Int64? {
        switch self {
        case .unsigned(let n): n <= UInt64(Int64.max) ? Int64(n) : nil
        case .negative(let n): n <= UInt64(Int64.max) ? -1 - Int64(n) : nil
        default: nil
        }
    }

    /// The text if this is a text string.
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The bytes if this is a byte string.
    public var bytes: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    /// The entries if this is a map.
    public var mapEntries: [CBORPair]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The elements if this is an array.
    public var arrayElements: [CBOR]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The value stored under `key` if this is a map (first match).
    public subscript(key: CBOR) -> CBOR? {
        guard case .map(let entries) = self else { return nil }
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The value stored under an integer key if this is a map.
    public subscript(int key: Int64) -> CBOR? { self[.int(key)] }

    /// The value stored under a text key if this is a map.
    public subscript(text key: String) -> CBOR? { self[.text(key)] }

    /// Whether this is a map in which some key occurs more than once.
    ///
    /// RFC 8949 §5.6 leaves duplicate keys to the application; COSE (RFC 9052
    /// §3) and CWT processing must reject them, so callers check explicitly.
    public var hasDuplicateKeys: Bool {
        guard case .map(let entries) = self, entries.count > 1 else { return false }
        var seen = Set<CBOR>(minimumCapacity: entries.count)
        for entry in entries where !seen.insert(entry.key).inserted { return true }
        return false
    }
}
