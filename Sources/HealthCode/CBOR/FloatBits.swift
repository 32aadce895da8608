/// IEEE 754 half-precision conversion, written out because `Float16` is not
/// available on every platform the library targets (RFC 8949 Appendix D).
enum FloatBits {
    /// Widens a binary16 bit pattern to a `Float`.
    static func halfToFloat(_ half: UInt16) -> Float {
        let exponent = Int((half >> 10) & 0x1f)
        let mantissa = Float(half & 0x3ff)
        let magnitude: Float
        switch exponent {
        case 0: magnitude = mantissa * 0x1p-24
        case 31: magnitude = mantissa == 0 ? .infinity : .nan
        default: magnitude = (mantissa + 1024) * Float(sign: .plus, exponent: exponent - 25, significand: 1)
        }
        return half & 0x8000 != 0 ? -magnitude : magnitude
    }

    /// The binary16 pattern of `value` if the conversion is exact.
    static func exactHalf(_ value: Double) -> UInt16? {
        if value.isNaN { return 0x7e00 }
        let sign: UInt16 = value.sign == .minus ? 0x8000 : 0
        if value.isInfinite { return sign | 0x7c00 }
        if value == 0 { return sign }
        let magnitude = abs(value)
        // Subnormal halves are multiples of 2^-24 below 2^-14.
        if magnitude < 0x1p-14 {
            let scaled = magnitude * 0x1p24
            guard scaled == scaled.rounded(), scaled >= 1 else { return nil }
            return sign | UInt16(scaled)
        }
        let exponent = Int(magnitude.exponent)
        guard exponent <= 15 else { return nil }
        let significand = magnitude.significand * 1024  // 1.xxx scaled to 10 fraction bits
        guard significand == significand.rounded() else { return nil }
        return sign | UInt16(exponent + 15) << 10 | (UInt16(significand) - 1024)
    }
}
