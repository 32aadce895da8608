/// Replaces the personal information in texts according to an operator.
public struct PIIRedactor: Sendable {
    /// The scanner that finds what to replace.
    public let scanner: PIIScanner
    /// What each value is replaced with.
    public let `operator`: PIIOperator

    /// The outcome of redacting one text.
    public struct Result: Sendable {
        /// The redacted text.
        public var text: String
        /// The spans that were replaced, with offsets into the original text.
        public var spans: [PIISpan]
    }

    /// Creates a redactor.
    public init(scanner: PIIScanner = PIIScanner(), operator: PIIOperator) {
        self.scanner = scanner
        self.operator = `operator`
    }

    /// Scans `text` and replaces every span found.
    public func redact(_ text: String) -> Result {
        let t = ScanText(text)
        let spans = scanner.scan(t)
        var replacements = spans.map { span in
            (start: span.start, end: span.end, text: `operator`.replacement(for: Self.slice(t, span.start, span.end), as: span.type))
        }
        if case .generalise(let g) = `operator`.base {
            for f in QuasiIdentifierFinder.find(t, with: g) where !spans.contains(where: { $0.start < f.end && f.start < $0.end }) {
                replacements.append((f.start, f.end, f.replacement))
            }
            replacements.sort { $0.start < $1.start }
        }
        guard !replacements.isEmpty else { return Result(text: text, spans: spans) }
        var out = String.UnicodeScalarView()
        var cursor = 0
        for r in replacements {
            appendRaw(t, cursor, r.start, to: &out)
            out.append(contentsOf: r.text.unicodeScalars)
            cursor = r.end
        }
        appendRaw(t, cursor, t.count, to: &out)
        return Result(text: String(out), spans: spans)
    }

    static func slice(_ t: ScanText, _ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        for k in a..<b { if let u = Unicode.Scalar(t.raw[k]) { s.append(u) } }
        return String(s)
    }

    private func appendRaw(_ t: ScanText, _ a: Int, _ b: Int, to out: inout String.UnicodeScalarView) {
        guard a < b else { return }
        for k in a..<b { if let u = Unicode.Scalar(t.raw[k]) { out.append(u) } }
    }
}
