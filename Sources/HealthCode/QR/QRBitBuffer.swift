/// An append-only, most-significant-bit-first bit sequence: the data bit
/// stream of ISO/IEC 18004 §7.4 before it is split into codewords.
struct QRBitBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    init(reservingBits bits: Int = 0) {
        bytes.reserveCapacity((bits + 7) / 8)
    }

    /// Appends the low `length` bits of `value`, most significant first.
    mutating func append(_ value: UInt32, length: Int) {
        precondition(length >= 0 && length <= 32 && (length == 32 || value >> UInt32(length) == 0))
        var remaining = length
        while remaining > 0 {
            let used = count & 7
            if used == 0 { bytes.append(0) }
            let free = 8 - used
            let take = min(free, remaining)
            let chunk = UInt8(truncatingIfNeeded: (value >> UInt32(remaining - take)) & ((1 << UInt32(take)) - 1))
            bytes[bytes.count - 1] |= chunk << UInt8(free - take)
            remaining -= take
            count += take
        }
    }
}

extension QRBitBuffer {
    /// Appends every bit of `other`.
    mutating func append(contentsOf other: QRBitBuffer) {
        let wholeBytes = other.count / 8
        for index in 0..<wholeBytes { append(UInt32(other.bytes[index]), length: 8) }
        let rest = other.count % 8
        if rest > 0 { append(UInt32(other.bytes[wholeBytes] >> UInt8(8 - rest)), length: rest) }
    }
}
