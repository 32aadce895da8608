/// How `mask` displays each type: which leading and trailing characters stay visible.
///
/// Only letters, digits and Han characters count and are masked; separators, brackets and
/// a `+86`/`0086` country prefix stay as written, so `+86 138 1234 5678` becomes
/// `+86 138 **** 5678`. Defaults follow the display forms of GB/T 35273 practice: a
/// resident ID keeps its first 6 and last 4 characters, a mobile number its first 3 and
/// last 4.
public struct MaskingPolicy: Sendable, Hashable {
    /// Characters left visible at each end.
    public struct Rule: Sendable, Hashable {
        /// Visible leading characters.
        public var keepFirst: Int
        /// Visible trailing characters.
        public var keepLast: Int

        /// Creates a rule.
        public init(keepFirst: Int, keepLast: Int) {
            self.keepFirst = keepFirst
            self.keepLast = keepLast
        }
    }

    /// Rules per type; a type without one is masked entirely.
    public var rules: [PIIType: Rule]
    /// The character written in place of a hidden one.
    public var maskCharacter: Character

    /// Creates a policy.
    public init(rules: [PIIType: Rule], maskCharacter: Character = "*") {
        self.rules = rules
        self.maskCharacter = maskCharacter
    }

    /// The default display forms.
    public static let standard = MaskingPolicy(rules: [
        .residentID: Rule(keepFirst: 6, keepLast: 4),
        .mobile: Rule(keepFirst: 3, keepLast: 4),
        .landline: Rule(keepFirst: 4, keepLast: 2),
        .bankCard: Rule(keepFirst: 4, keepLast: 4),
        .uscc: Rule(keepFirst: 8, keepLast: 2),
        .passport: Rule(keepFirst: 1, keepLast: 3),
        .hkmoPermit: Rule(keepFirst: 1, keepLast: 3),
        .plate: Rule(keepFirst: 2, keepLast: 1),
        .email: Rule(keepFirst: 1, keepLast: 0),
        .ipAddress: Rule(keepFirst: 0, keepLast: 0),
        .person: Rule(keepFirst: 1, keepLast: 0),
        .address: Rule(keepFirst: 0, keepLast: 0),
    ])

    /// Returns `value` (the text of a span of `type`) in its masked display form.
    public func mask(_ value: String, as type: PIIType) -> String {
        var scalars = Array(value.unicodeScalars)
        let rule = rules[type] ?? Rule(keepFirst: 0, keepLast: 0)
        let maskScalar = maskCharacter.unicodeScalars.first ?? "*"
        switch type {
        case .email:
            // Only the local part is hidden; the domain stays readable.
            let at = scalars.firstIndex(of: "@") ?? scalars.count
            maskRange(&scalars, 0..<at, rule: rule, with: maskScalar, everyCharacter: true)
        case .ipAddress:
            maskIP(&scalars, with: maskScalar)
        case .address:
            let keep = AddressGeneraliser.districtPrefixLength(value)
            maskRange(&scalars, keep..<scalars.count, rule: rule, with: maskScalar)
        case .mobile, .landline:
            maskRange(&scalars, Self.countryPrefixLength(scalars)..<scalars.count, rule: rule, with: maskScalar)
        default:
            maskRange(&scalars, 0..<scalars.count, rule: rule, with: maskScalar)
        }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// Length of a leading `+86`/`0086` and its separator.
    static func countryPrefixLength(_ s: [Unicode.Scalar]) -> Int {
        var n = 0
        if s.first == "+" || s.first == "＋" { n = 3 } else if s.starts(with: ["0", "0", "8", "6"]), s.count > 13 { n = 4 } else { return 0 }
        if n < s.count, s[n] == " " || s[n] == "-" { n += 1 }
        return min(n, s.count)
    }

    private static func isSignificant(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    private func maskRange(_ s: inout [Unicode.Scalar], _ range: Range<Int>, rule: Rule, with m: Unicode.Scalar, everyCharacter: Bool = false) {
        let positions = range.filter { everyCharacter || Self.isSignificant(s[$0]) }
        // Never leave everything visible: a short value keeps at most half.
        var first = rule.keepFirst, last = rule.keepLast
        while first + last > 0, first + last >= positions.count {
            if last >= first, last > 0 { last -= 1 } else { first -= 1 }
        }
        for (k, p) in positions.enumerated() where k >= first && k < positions.count - last { s[p] = m }
    }

    /// IPv4 keeps its first two octets; IPv6 its first two groups.
    private func maskIP(_ s: inout [Unicode.Scalar], with m: Unicode.Scalar) {
        let separator: Unicode.Scalar = s.contains(":") ? ":" : "."
        var seen = 0
        for k in s.indices {
            if s[k] == separator { seen += 1; continue }
            if seen >= 2 { s[k] = m }
        }
    }
}
