extension QRCode {
    /// The data encoding mode (ISO/IEC 18004 §7.3 and §7.4).
    public enum Mode: Sendable, Hashable, CustomStringConvertible {
        /// Chooses numeric when every character is a digit, alphanumeric when
        /// every character is in the 45-character set, otherwise byte (UTF-8).
        case automatic
        /// Digits 0–9, three digits in 10 bits (§7.4.3).
        case numeric
        /// `0–9 A–Z space $ % * + - . / :`, two characters in 11 bits (§7.4.4).
        ///
        /// This is exactly the Base45 alphabet (RFC 9285), so "HC1:" payloads
        /// fit this mode.
        case alphanumeric
        /// Arbitrary bytes; text is encoded as UTF-8 (§7.4.5).
        ///
        /// No ECI header is written: common readers (zbar among them) detect
        /// UTF-8, while some older ones assume ISO 8859-1 for non-ASCII text.
        case byte

        /// The four-bit mode indicator (§7.4.2, Table 2).
        var indicator: UInt32 {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte, .automatic: 0b0100
            }
        }

        /// Length in bits of the character count indicator (§7.4.2, Table 3).
        func characterCountBits(version: Int) -> Int {
            let range = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
            switch self {
            case .numeric: return [10, 12, 14][range]
            case .alphanumeric: return [9, 11, 13][range]
            case .byte, .automatic: return [8, 16, 16][range]
            }
        }

        /// The mode's name.
        public var description: String {
            switch self {
            case .automatic: "automatic"
            case .numeric: "numeric"
            case .alphanumeric: "alphanumeric"
            case .byte: "byte"
            }
        }
    }
}
