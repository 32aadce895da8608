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

    // Concrete recognizers, called directly: no existential boxing in the per-text loop.
    private let residentID: ResidentIDRecognizer
    private let uscc = USCCRecognizer()
    private let bankCard = BankCardRecognizer()
    private let mobile = MobileRecognizer()
    private let landline = LandlineRecognizer()
    private let travel = TravelDocumentRecognizer()
    private let plate = PlateRecognizer()
    private let email = EmailRecognizer()
    private let ip = IPAddressRecognizer()
    private let address = AddressRecognizer()
    private let person = PersonNameRecognizer()
    private let enabled: [Bool]
    private let needsFilter: Bool

    /// Creates a scanner.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        residentID = ResidentIDRecognizer(latestBirthYear: configuration.latestBirthYear)
        let all: [any Recognizer] = [residentID, uscc, bankCard, mobile, landline, travel, plate, email, ip, address, person]
        enabled = all.map { !$0.types.isDisjoint(with: configuration.types) }
        // Every rule reports 0.6 or more; filtering is needed only for a subset or a higher bar.
        needsFilter = configuration.types.count < PIIType.allCases.count || configuration.minimumConfidence > 0.6
    }

    /// One pass over the token starts, handing each token only to the recognizers whose
    /// values can begin with a letter-and-digit run of its length.
    private func tokenPass(_ t: ScanText, into out: inout [PIISpan]) {
        var nID = 0, nUSCC = 0, nCard = 0, nMobile = 0, nLandline = 0, nTravel = 0, nPlate = 0, nEmail = 0, nIP = 0
        @inline(__always) func attempt<R: TokenRecognizer>(_ r: R, _ on: Bool, _ next: inout Int, _ i: Int, _ len: Int) {
            guard on, i >= next, let s = r.candidate(t, at: i, length: len, floor: next) else { return }
            out.append(s)
            next = s.end
        }
        let e = enabled
        let starts = t.tokenStarts, lengths = t.tokenLengths
        for slot in starts.indices {
            let i = Int(starts[slot]), len = Int(lengths[slot])
            switch len {
            case 0:
                attempt(mobile, e[3], &nMobile, i, len)
                attempt(landline, e[4], &nLandline, i, len)
                attempt(ip, e[8], &nIP, i, len)
                attempt(email, e[7], &nEmail, i, len)
            case 1:
                attempt(ip, e[8], &nIP, i, len)
                attempt(plate, e[6], &nPlate, i, len)
            case 2:
                attempt(ip, e[8], &nIP, i, len)
            case 3:
                attempt(mobile, e[3], &nMobile, i, len)
                attempt(landline, e[4], &nLandline, i, len)
                attempt(ip, e[8], &nIP, i, len)
            case 4:
                attempt(mobile, e[3], &nMobile, i, len)
                attempt(landline, e[4], &nLandline, i, len)
                attempt(bankCard, e[2], &nCard, i, len)
                attempt(ip, e[8], &nIP, i, len)
            case 5, 7:
                attempt(plate, e[6], &nPlate, i, len)
            case 6:
                attempt(residentID, e[0], &nID, i, len)
                attempt(plate, e[6], &nPlate, i, len)
            case 8, 9:
                attempt(travel, e[5], &nTravel, i, len)
            case 10, 11, 12:
                attempt(travel, e[5], &nTravel, i, len)
                attempt(mobile, e[3], &nMobile, i, len)
                attempt(landline, e[4], &nLandline, i, len)
            case 13:
                attempt(mobile, e[3], &nMobile, i, len)
            case 15:
                attempt(mobile, e[3], &nMobile, i, len)
                attempt(residentID, e[0], &nID, i, len)
            case 16, 17, 19:
                attempt(bankCard, e[2], &nCard, i, len)
            case 18:
                attempt(residentID, e[0], &nID, i, len)
                attempt(uscc, e[1], &nUSCC, i, len)
                attempt(bankCard, e[2], &nCard, i, len)
            default:
                break
            }
        }
    }

    /// Returns the personal information in `text`, ordered by start offset, without overlaps.
    ///
    /// Offsets are Unicode code-point offsets into `text`, end exclusive.
    public func scan(_ text: String) -> [PIISpan] {
        scan(ScanText(text))
    }

    func scan(_ text: ScanText) -> [PIISpan] {
        var candidates: [PIISpan] = []
        candidates.reserveCapacity(16)
        tokenPass(text, into: &candidates)
        if enabled[9] { address.recognize(text, into: &candidates) }
        if enabled[10] { person.recognize(text, into: &candidates) }
        if needsFilter {
            candidates.removeAll { !configuration.types.contains($0.type) || $0.confidence < configuration.minimumConfidence }
        }
        return OverlapResolver.resolve(candidates)
    }
}
