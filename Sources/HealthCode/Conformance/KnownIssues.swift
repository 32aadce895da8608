/// Vectors that may be skipped, from a `known_issues.csv` file.
///
/// Columns are `test_name,country,test_set,reason`; an empty `test_name` or
/// `test_set` matches any, as in the EU suite.
public struct KnownIssues: Sendable {
    /// One row of the file.
    public struct Entry: Sendable, Hashable {
        /// The EU suite test name, or empty for any.
        public var testName: String
        /// The country folder.
        public var country: String
        /// The file name without extension, or empty for any.
        public var testSet: String
        /// Why the vector is skipped.
        public var reason: String
    }

    /// The rows.
    public var entries: [Entry]

    /// An empty list.
    public init() { entries = [] }

    /// Parses CSV text with a header row.
    public init(csv: String) {
        var rows = csv.split(whereSeparator: \.isNewline).map { Self.fields(String($0)) }
        guard !rows.isEmpty else { entries = []; return }
        let header = rows.removeFirst().map { $0.lowercased().trimmed }
        func column(_ name: String, _ fallback: Int) -> Int { header.firstIndex(of: name) ?? fallback }
        let t = column("test_name", 0), c = column("country", 1), s = column("test_set", 2), r = column("reason", 3)
        entries = rows.compactMap { row in
            guard row.count > max(t, c, s) else { return nil }
            return Entry(testName: row[t].trimmed, country: row[c].trimmed, testSet: row[s].trimmed, reason: row.count > r ? row[r].trimmed : "")
        }
    }

    /// The reason to skip `flag` for a vector, if any entry matches.
    public func reason(for flag: ConformanceFlag, country: String, testSet: String) -> String? {
        entries.first { entry in
            entry.country.caseInsensitiveEquals(country)
                && (entry.testName.isEmpty || flag.testNames.contains(entry.testName))
                && (entry.testSet.isEmpty || entry.testSet == testSet)
        }?.reason
    }

    /// Splits one CSV line, honouring double quotes.
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let ch = iterator.next() {
            if ch == "\"" {
                quoted.toggle()
            } else if ch == ",", !quoted {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append(current)
        return out
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
