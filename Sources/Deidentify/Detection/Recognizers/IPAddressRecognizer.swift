/// IPv4 dotted-quad addresses and IPv6 addresses in the text forms of RFC 4291 §2.2.
///
/// IPv4: four decimal octets 0–255 without leading zeros, not part of a longer dotted
/// sequence, and not labelled as a version number. IPv6: up to eight groups of one to four
/// hexadecimal digits, with at most one `::`; without `::` all eight groups are required,
/// so clock times and MAC addresses do not qualify.
struct IPAddressRecognizer: TokenRecognizer {
    var types: Set<PIIType> { [.ipAddress] }

    func candidate(_ t: ScanText, at i: Int, length len: Int, floor: Int) -> PIISpan? {
        guard len <= 4, t.isAlnum(i) || t[i] == 0x3A, t[i - 1] != 0x2E, t[i - 1] != 0x3A else { return nil }
        // An address has its first separator right after its first group.
        let separator = t[i + len]
        guard separator == 0x2E || separator == 0x3A || t[i] == 0x3A else { return nil }
        if t.isDigit(i), separator == 0x2E {
            guard let end = ipv4(t, at: i), !ContextCues.labelledNegative(t, before: i) else { return nil }
            return PIISpan(start: i, end: end, type: .ipAddress, confidence: 0.9, rule: "ip.v4")
        }
        guard let end = ipv6(t, at: i) else { return nil }
        return PIISpan(start: i, end: end, type: .ipAddress, confidence: 0.9, rule: "ip.v6")
    }

    /// End of one octet at `p`, or nil.
    private func octet(_ t: ScanText, at p: Int) -> Int? {
        let run = t.digitRun(at: p)
        guard run >= 1, run <= 3 else { return nil }
        if run > 1, t[p] == 0x30 { return nil }
        var value = 0
        for k in 0..<run { value = value * 10 + (t.digit(p + k) ?? 0) }
        return value <= 255 ? p + run : nil
    }

    private func ipv4(_ t: ScanText, at i: Int) -> Int? {
        var p = i
        for k in 0..<4 {
            guard let e = octet(t, at: p) else { return nil }
            p = e
            if k < 3 {
                guard t[p] == 0x2E else { return nil }
                p += 1
            }
        }
        guard !t.isAlnum(p), !(t[p] == 0x2E && t.isAlnum(p + 1)) else { return nil }
        return p
    }

    @inline(__always) private func isHex(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x66)
    }

    private func ipv6(_ t: ScanText, at i: Int) -> Int? {
        var p = i
        var groups = 0
        var compressed = false
        var colons = 0
        if t[p] == 0x3A {
            guard t[p + 1] == 0x3A else { return nil }
            compressed = true
            p += 2
            colons = 2
        }
        while true {
            var len = 0
            while isHex(t[p + len]) { len += 1 }
            if len > 0 {
                guard len <= 4 else { return nil }
                // An embedded IPv4 tail ("::ffff:192.0.2.1") counts as two groups.
                if t[p + len] == 0x2E, let e = ipv4(t, at: p) {
                    groups += 2
                    p = e
                    break
                }
                groups += 1
                p += len
            }
            guard t[p] == 0x3A else { break }
            if t[p + 1] == 0x3A {
                guard !compressed else { return nil }
                compressed = true
                colons += 2
                p += 2
                continue
            }
            guard len > 0, isHex(t[p + 1]) else { break }
            colons += 1
            p += 1
        }
        guard !t.isAlnum(p), colons >= 2 else { return nil }
        guard compressed ? groups <= 7 : groups == 8 else { return nil }
        return p
    }
}
