extension CBOR {
    /// Whether this item means the same as a JSON value.
    ///
    /// Maps and objects match regardless of member order, and arrays match
    /// in order or, failing that, as multisets (the EU suite sorts both sides
    /// before comparing). Integers compare exactly, bignums (tags 2/3) by
    /// value, and date tags 0/1 against JSON strings by instant.
    public func matches(_ json: JSONValue) -> Bool {
        switch (self, json) {
        case (.null, .null), (.undefined, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.text(let a), .string(let b)): return a == b || Self.sameInstant(a, b)
        case (.unsigned, .number(let n)), (.negative, .number(let n)), (.tagged(2, .bytes), .number(let n)), (.tagged(3, .bytes), .number(let n)):
            guard let decimal = integerDecimal else { return false }
            if let integer = Self.integerLexeme(n) { return integer == decimal }
            return Double(n) == Double(decimal)
        case (.float(let d), .number(let n)):
            return Double(n) == d
        case (.tagged(0, let inner), .string(let s)):
            guard let t = inner.text else { return false }
            return t == s || Self.sameInstant(t, s)
        case (.tagged(1, let inner), .string(let s)):
            guard let seconds = inner.int64.map(Double.init) ?? inner.floatValue, let other = TimestampParser.epochSeconds(s) else { return false }
            return seconds == other
        case (.tagged(_, let inner), _):
            return inner.matches(json)
        case (.array(let items), .array(let values)):
            guard items.count == values.count else { return false }
            if zip(items, values).allSatisfy({ $0.matches($1) }) { return true }
            var unused = Array(values.indices)
            for item in items {
                guard let k = unused.firstIndex(where: { item.matches(values[$0]) }) else { return false }
                unused.remove(at: k)
            }
            return true
        case (.map(let entries), .object(let members)):
            guard entries.count == members.count else { return false }
            return members.allSatisfy { name, value in
                entries.contains { $0.key.text == name && $0.value.matches(value) }
            }
        default:
            return false
        }
    }

    var floatValue: Double? {
        if case .float(let d) = self { return d }
        return nil
    }

    /// The integer value in decimal for integers and bignums.
    var integerDecimal: String? {
        switch self {
        case .unsigned(let n): return String(n)
        case .negative(let n): return "-" + Self.decimal(bigEndian: Self.bytes(of: n), plusOne: true)
        case .tagged(2, .bytes(let b)): return Self.decimal(bigEndian: b, plusOne: false)
        case .tagged(3, .bytes(let b)): return "-" + Self.decimal(bigEndian: b, plusOne: true)
        default: return nil
        }
    }

    static func bytes(of n: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } }

    /// Decimal text of a big-endian magnitude, optionally plus one (for negatives, §3.1).
    static func decimal(bigEndian: [UInt8], plusOne: Bool) -> String {
        var digits: [UInt8] = [0]  // little-endian base-10
        for byte in bigEndian {
            var carry = Int(byte)
            for k in digits.indices {
                let v = Int(digits[k]) * 256 + carry
                digits[k] = UInt8(v % 10)
                carry = v / 10
            }
            while carry > 0 { digits.append(UInt8(carry % 10)); carry /= 10 }
        }
        if plusOne {
            var k = 0
            while true {
                if k == digits.count { digits.append(1); break }
                if digits[k] == 9 { digits[k] = 0; k += 1 } else { digits[k] += 1; break }
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return String(digits.reversed().map { Character(String($0)) })
    }

    /// The lexeme normalised if it is a plain integer literal.
    static func integerLexeme(_ n: String) -> String? {
        guard !n.contains("."), !n.contains("e"), !n.contains("E") else { return nil }
        var s = n
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        while s.count > 1, s.hasPrefix("0") { s.removeFirst() }
        return (negative && s != "0" ? "-" : "") + s
    }

    static func sameInstant(_ a: String, _ b: String) -> Bool {
        // Only compare as instants when both carry a time of day; plain strings must match exactly.
        guard a.contains(":"), b.contains(":"), let x = TimestampParser.epochSeconds(a), let y = TimestampParser.epochSeconds(b) else { return false }
        return x == y
    }
}
