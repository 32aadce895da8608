/// Decodes CBOR (RFC 8949) with limits that hold against hostile input.
///
/// Every declared length is checked against the bytes that remain before
/// anything is allocated, nesting is bounded, and trailing bytes are refused,
/// so a forged header cannot make the decoder allocate or recurse without end.
public struct CBORDecoder: Sendable {
    /// Limits applied while decoding.
    public struct Limits: Sendable, Hashable {
        /// The maximum nesting of arrays, maps and tags.
        public var maxDepth: Int
        /// The maximum input size in bytes.
        public var maxInputBytes: Int

        /// Creates limits.
        public init(maxDepth: Int = 32, maxInputBytes: Int = 1 << 20) {
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
        }
    }

    /// The limits in force.
    public var limits: Limits

    /// Creates a decoder.
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Decodes exactly one data item spanning all of `bytes`.
    ///
    /// - Throws: `HealthCodeError` with code `malformedCBOR` or `limitExceeded`.
    public func decode(_ bytes: [UInt8]) throws -> CBOR {
        guard bytes.count <= limits.maxInputBytes else {
            throw HealthCodeError(.limitExceeded, "CBOR input of \(bytes.count) bytes exceeds the \(limits.maxInputBytes)-byte limit")
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = CBORReader(buffer: buffer, maxDepth: limits.maxDepth)
            let item = try reader.readItem(depth: 0)
            guard reader.position == buffer.count else {
                throw HealthCodeError(.malformedCBOR, "\(buffer.count - reader.position) trailing bytes after the CBOR item at offset \(reader.position)")
            }
            return item
        }
    }
}

/// The cursor that walks one buffer; kept separate so the public decoder is a value.
struct CBORReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0

    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.buffer = buffer
        self.maxDepth = maxDepth
    }

    var remaining: Int { buffer.count - position }

    mutating func byte() throws -> UInt8 {
        guard position < buffer.count else { throw truncated() }
        defer { position += 1 }
        return buffer[position]
    }

    func truncated() -> HealthCodeError {
        HealthCodeError(.malformedCBOR, "CBOR input ends early at offset \(position)")
    }

    mutating func uint(_ count: Int) throws -> UInt64 {
        guard remaining >= count else { throw truncated() }
        var value: UInt64 = 0
        for i in 0..<count { value = value << 8 | UInt64(buffer[position + i]) }
        position += count
        return value
    }

    /// Reads the argument of a head (§3); `nil` means indefinite length.
    mutating func argument(_ info: UInt8) throws -> UInt64? {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try uint(1)
        case 25: return try uint(2)
        case 26: return try uint(4)
        case 27: return try uint(8)
        case 31: return nil
        default:
            throw HealthCodeError(.malformedCBOR, "reserved additional information \(info) at offset \(position - 1)")
        }
    }

    mutating func length(_ info: UInt8, minimumItemSize: Int) throws -> Int? {
        guard let n = try argument(info) else { return nil }
        // Each element needs at least `minimumItemSize` bytes, so a count larger
        // than the remaining input is a lie and must not drive an allocation.
        guard n <= UInt64(remaining / max(minimumItemSize, 1)) else {
            throw HealthCodeError(.malformedCBOR, "declared length \(n) exceeds the \(remaining) remaining bytes at offset \(position)")
        }
        return Int(n)
    }

    mutating func readBytes(_ count: Int) -> [UInt8] {
        defer { position += count }
        return Array(buffer[position..<position + count])
    }

    mutating func readItem(depth: Int) throws -> CBOR {
        guard depth <= maxDepth else {
            throw HealthCodeError(.limitExceeded, "CBOR nesting deeper than \(maxDepth) at offset \(position)")
        }
        let initial = try byte()
        let major = initial >> 5
        let info = initial & 0x1f
        switch major {
        case 0:
            guard let n = try argument(info) else { throw indefinite(major) }
            return .unsigned(n)
        case 1:
            guard let n = try argument(info) else { throw indefinite(major) }
            return .negative(n)
        case 2:
            return .bytes(try readString(info: info, major: 2))
        case 3:
            let raw = try readString(info: info, major: 3)
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw HealthCodeError(.malformedCBOR, "text string before offset \(position) is not valid UTF-8")
            }
            return .text(text)
        case 4:
            var items: [CBOR] = []
            if let count = try length(info, minimumItemSize: 1) {
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try readItem(depth: depth + 1)) }
            } else {
                while try !atBreak() { items.append(try readItem(depth: depth + 1)) }
            }
            return .array(items)
        case 5:
            var entries: [CBORPair] = []
            if let count = try length(info, minimumItemSize: 2) {
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let key = try readItem(depth: depth + 1)
                    entries.append(CBORPair(key, try readItem(depth: depth + 1)))
                }
            } else {
                while try !atBreak() {
                    let key = try readItem(depth: depth + 1)
                    entries.append(CBORPair(key, try readItem(depth: depth + 1)))
                }
            }
            return .map(entries)
        case 6:
            guard let tag = try argument(info) else { throw indefinite(major) }
            return .tagged(tag, try readItem(depth: depth + 1))
        default:
            return try readSimple(info)
        }
    }

    func indefinite(_ major: UInt8) -> HealthCodeError {
        HealthCodeError(.malformedCBOR, "major type \(major) cannot have indefinite length (offset \(position - 1))")
    }

    /// Consumes a break stop code if one is next.
    mutating func atBreak() throws -> Bool {
        guard position < buffer.count else { throw truncated() }
        if buffer[position] == 0xff {
            position += 1
            return true
        }
        return false
    }

    mutating func readString(info: UInt8, major: UInt8) throws -> [UInt8] {
        if let count = try length(info, minimumItemSize: 1) { return readBytes(count) }
        // §3.2.3: an indefinite string is a series of definite chunks of the same major type.
        var joined: [UInt8] = []
        while try !atBreak() {
            let head = try byte()
            guard head >> 5 == major, head & 0x1f != 31 else {
                throw HealthCodeError(.malformedCBOR, "invalid chunk in indefinite-length string at offset \(position - 1)")
            }
            guard let count = try length(head & 0x1f, minimumItemSize: 1) else { throw indefinite(major) }
            joined.append(contentsOf: buffer[position..<position + count])
            position += count
        }
        return joined
    }

    mutating func readSimple(_ info: UInt8) throws -> CBOR {
        switch info {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22: return .null
        case 23: return .undefined
        case 0..<20: return .simple(info)
        case 24:
            let value = try byte()
            // §3.3 wants 32 or more here; 24–31 are still read because the RFC 7049
            // Appendix A vectors (kept by RFC 8949 users) include simple(24) as f818.
            guard value >= 24 else {
                throw HealthCodeError(.malformedCBOR, "simple value \(value) in two-byte form at offset \(position - 2)")
            }
            return .simple(value)
        case 25: return .float(Double(FloatBits.halfToFloat(UInt16(try uint(2)))))
        case 26: return .float(Double(Float(bitPattern: UInt32(try uint(4)))))
        case 27: return .float(Double(bitPattern: try uint(8)))
        case 31:
            throw HealthCodeError(.malformedCBOR, "unexpected break stop code at offset \(position - 1)")
        default:
            throw HealthCodeError(.malformedCBOR, "reserved simple value encoding \(info) at offset \(position - 1)")
        }
    }
}
