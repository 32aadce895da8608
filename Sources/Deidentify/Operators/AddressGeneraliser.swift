/// Cuts an address back to its district or county, the generalisation of GB/T 37964 for
/// location quasi-identifiers.
public enum AddressGeneraliser {
    /// Suffixes of county-level units, where a generalised address ends.
    private static let countyEndings: [[Unicode.Scalar]] = ["自治县", "自治旗", "区", "县", "旗"].map { Array($0.unicodeScalars) }
    private static let cityEndings: [[Unicode.Scalar]] = ["市", "自治州", "盟", "地区"].map { Array($0.unicodeScalars) }

    /// Returns the address up to and including its district or county; an address without
    /// one is cut after its city, and one without either after its first unit.
    public static func district(_ address: String) -> String {
        let scalars = Array(address.unicodeScalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[0..<districtPrefixLength(address)])
        return out
    }

    /// Length in scalars of the district-level prefix of `address`.
    public static func districtPrefixLength(_ address: String) -> Int {
        let s = Array(address.unicodeScalars)
        // Stop before the first digit: units after a number are buildings, not divisions.
        // (ASCII and full-width digits only: many ideographs such as 四 carry numeric values.)
        let limit = s.firstIndex { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0xFF10 && $0.value <= 0xFF19) } ?? s.count
        if let end = firstEnd(of: countyEndings, in: s, before: limit) { return end }
        if let end = firstEnd(of: cityEndings, in: s, before: limit) { return end }
        return 0
    }

    private static func isHigherLevel(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        if s[i - 1] == "地" { return true }
        guard i >= 2 else { return false }
        let two = String(String.UnicodeScalarView(s[(i - 2)..<i]))
        return two == "自治" || two == "行政"
    }

    private static func firstEnd(of words: [[Unicode.Scalar]], in s: [Unicode.Scalar], before limit: Int) -> Int? {
        // The first county-level unit wins: 区 in a later road name (开发区路) must not.
        var i = 0
        while i < limit {
            for w in words where i + w.count <= limit && Array(s[i..<(i + w.count)]) == w {
                // A suffix must close a name of at least one character, and 区 of a
                // province (自治区, 特别行政区) or prefecture (地区) is not a district.
                if i > 0, !(w == ["区"] && isHigherLevel(s, before: i)) { return i + w.count }
            }
            i += 1
        }
        return nil
    }
}
