extension QRCode {
    /// The error-correction level (ISO/IEC 18004 §5.1 and §7.5.1).
    ///
    /// Higher levels restore more damaged codewords at the cost of capacity:
    /// roughly 7 % (L), 15 % (M), 25 % (Q) and 30 % (H).
    public enum ErrorCorrectionLevel: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Low: recovers about 7 % of codewords.
        case l
        /// Medium: recovers about 15 % of codewords.
        case m
        /// Quartile: recovers about 25 % of codewords.
        case q
        /// High: recovers about 30 % of codewords.
        case h

        /// The two-bit indicator used in the format information (§7.9.1, Table 12).
        var formatBits: UInt32 {
            switch self {
            case .l: 0b01
            case .m: 0b00
            case .q: 0b11
            case .h: 0b10
            }
        }

        /// The single-letter name used by the standard.
        public var description: String {
            switch self {
            case .l: "L"
            case .m: "M"
            case .q: "Q"
            case .h: "H"
            }
        }
    }
}
