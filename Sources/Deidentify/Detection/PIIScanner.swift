/// Finds personal information in Chinese text.
///
/// Runs every enabled recognizer over the text once decoded into Unicode scalars, then
/// resolves overlaps. Scanning is pure and thread-safe; one scanner can serve many tasks.
///
/// ```swift
/// let scanner = PIIScanner()
/// for span in scanner.scan("患者王芳，身份证号110101199003070013") {
///     print(span.type, span.start, span.end)
/// }
/// ```
public struct PIIScanner: Sendable {
    /// Options of a scanner.
    public struct Configuration: Sendable {
        /// Types to report; the default is every type.
        public var types: Set<PIIType>
        /// Latest birth year a resident ID may carry; later dates are impossible.
        public var latestBirthYear: Int
        /// Spans below this confidence are dropped.
        public var minimumConfidence: Double

        /// Creates a configuration.
        public init(types: Set<PIIType> = Set(PIIType.allCases), latestBirthYear: Int = 2026, minimumConfidence: Double = 0.5) {
            self.types = types
            self.latestBirthYear = latestBirthYear
            self.minimumConfidence = minimumConfidence
        }
    }

    /// The configuration this scanner runs with.
    public let configuration: Configuration
    private let recognizers: [any Recognizer]

    /// Creates a scanner.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let all: [any Recognizer] = [
            ResidentIDRecognizer(latestBirthYear: configuration.latestBirthYear),
            USCCRecognizer(),
            BankCardRecognizer(),
            MobileRecognizer(),
            LandlineRecognizer(),
            TravelDocumentRecognizer(),
            PlateRecognizer(),
            EmailRecognizer(),
            IPAddressRecognizer(),
            AddressRecognizer(),
            PersonNameRecognizer(),
        ]
        recognizers = all.filter { !$0.types.isDisjoint(with: configuration.types) }
    }

    /// Returns the personal information in `text`, ordered by start offset, without overlaps.
    ///
    /// Offsets are Unicode code-point offsets into `text`, end exclusive.
    public func scan(_ text: String) -> [PIISpan] {
        scan(ScanText(text))
    }

    func scan(_ text: ScanText) -> [PIISpan] {
        var candidates: [PIISpan] = []
        for r in recognizers { r.recognize(text, into: &candidates) }
        candidates.removeAll { !configuration.types.contains($0.type) || $0.confidence < configuration.minimumConfidence }
        return OverlapResolver.resolve(candidates)
    }
}
