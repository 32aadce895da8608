extension TilePath {
    /// Parses a tile path, with or without a leading `/`.
    ///
    /// Only the canonical spelling is accepted, so each tile has one URL.
    /// - Throws: ``LogError/Code/malformedTilePath`` saying which element is wrong.
    public init(parsing path: String) throws {
        var elements = path.split(separator: "/", omittingEmptySubsequences: false)
        if elements.first == "" { elements.removeFirst() }
        guard elements.count >= 3, elements[0] == "tile" else {
            throw Self.malformed(path, "it must start with tile/<level>/")
        }
        var level: UInt8?
        if elements[1] != "entries" {
            guard let parsed = Self.decimal(elements[1]), parsed <= UInt64(Self.maximumLevel) else {
                throw Self.malformed(path, "the level must be a decimal 0...\(Self.maximumLevel) or \"entries\"")
            }
            level = UInt8(parsed)
        }
        var indexElements = Array(elements.dropFirst(2))
        var width = Self.fullWidth
        if let last = indexElements.last, indexElements.count >= 2, indexElements[indexElements.count - 2].hasSuffix(".p") {
            guard let parsed = Self.decimal(last), (1..<UInt64(Self.fullWidth)).contains(parsed) else {
                throw Self.malformed(path, "a partial tile width must be a decimal 1...\(Self.fullWidth - 1)")
            }
            width = Int(parsed)
            indexElements.removeLast()
            indexElements[indexElements.count - 1] = indexElements[indexElements.count - 1].dropLast(2)
        }
        var index: UInt64 = 0
        for (offset, element) in indexElements.enumerated() {
            let isLast = offset == indexElements.count - 1
            let digits = isLast ? element : (element.hasPrefix("x") ? element.dropFirst() : "")
            guard digits.count == 3, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let group = UInt64(digits) else {
                throw Self.malformed(path, "index element \(offset + 1) must be three digits\(isLast ? "" : " after an x")")
            }
            let (shifted, overflow) = index.multipliedReportingOverflow(by: 1000)
            guard !overflow, shifted <= UInt64.max - group else {
                throw Self.malformed(path, "the index does not fit in 64 bits")
            }
            index = shifted + group
        }
        try self.init(optionalLevel: level, index: index, width: width)
        guard self.path == elements.joined(separator: "/") else {
            throw Self.malformed(path, "the index is not in canonical form (expected \(self.path))")
        }
    }

    private static func decimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0") else { return nil }
        return UInt64(text)
    }

    private static func malformed(_ path: String, _ reason: String) -> LogError {
        LogError(.malformedTilePath, "\"\(path.prefix(120))\" is not a tlog-tiles path: \(reason)")
    }
}
