import Foundation

/// One EU DCC test vector read leniently from its JSON file.
///
/// Real vector sets differ in spelling: field names in any case, the results
/// object misspelt or nested (even inside `TESTCTX`), misspelt flags, and the
/// validation clock under `VALIDATIONCLOCK` or `validationClockInstant`, as
/// text in many formats or as a number.
public struct ConformanceVector: Sendable {
    /// The file path relative to the run's directory.
    public var path: String
    /// The country (first folder) used to match known issues.
    public var country: String
    /// The file name without extension, used to match known issues.
    public var testSet: String
    /// The `JSON` field.
    public var json: JSONValue?
    /// The `CBOR` field (hex).
    public var cbor: String?
    /// The `COSE` field (hex).
    public var cose: String?
    /// The `COMPRESSED` field (hex).
    public var compressed: String?
    /// The `BASE45` field.
    public var base45: String?
    /// The `PREFIX` field.
    public var prefix: String?
    /// `TESTCTX.CERTIFICATE` as DER, if present and readable.
    public var certificate: [UInt8]?
    /// `TESTCTX.VALIDATIONCLOCK` in seconds since the epoch, if present and readable.
    public var clock: Double?
    /// Text of a clock that could not be parsed.
    public var unreadableClock: String?
    /// The flags the vector sets.
    public var expectations: [ConformanceFlag: Bool]
    /// Flag names that were not recognised.
    public var unrecognisedFlags: [String]

    /// Reads a vector from parsed JSON.
    public init(path: String, country: String, testSet: String, document: JSONValue) throws {
        guard case .object = document else {
            throw HealthCodeError(.invalidInput, "\(path): a test vector must be a JSON object")
        }
        self.path = path
        self.country = country
        self.testSet = testSet
        func field(_ object: JSONValue?, _ name: String) -> JSONValue? {
            object?.members?.first { ConformanceFlag.normalise($0.0) == name }?.1
        }
        json = field(document, "JSON")
        cbor = field(document, "CBOR")?.string
        cose = field(document, "COSE")?.string
        compressed = field(document, "COMPRESSED")?.string
        base45 = field(document, "BASE45")?.string
        prefix = field(document, "PREFIX")?.string
        let context = field(document, "TESTCTX")
        certificate = field(context, "CERTIFICATE")?.string.flatMap(Self.der(fromBase64:))
        let clockValue = field(context, "VALIDATIONCLOCK") ?? field(context, "VALIDATIONCLOCKINSTANT")
        switch clockValue {
        case .string(let text):
            clock = TimestampParser.epochSeconds(text)
            if clock == nil { unreadableClock = text }
        case .number(let text):
            // Millisecond timestamps are recognisable by size.
            clock = Double(text).map { $0 > 1e11 ? $0 / 1000 : $0 }
        default:
            clock = nil
        }
        var expectations: [ConformanceFlag: Bool] = [:]
        var unrecognised: [String] = []
        for container in Self.resultContainers(in: document) {
            for (name, value) in container {
                guard let flagValue = value.bool ?? value.string.flatMap({ Bool($0.lowercased()) }) else { continue }
                if let flag = ConformanceFlag(fuzzy: name) {
                    expectations[flag] = flagValue
                } else {
                    unrecognised.append(name)
                }
            }
        }
        self.expectations = expectations
        self.unrecognisedFlags = unrecognised
    }

    /// Objects holding expected results: any object member whose name is close
    /// to `EXPECTEDRESULTS` at any depth, plus results nested inside those.
    static func resultContainers(in document: JSONValue) -> [[(String, JSONValue)]] {
        var found: [[(String, JSONValue)]] = []
        func isResultsName(_ name: String) -> Bool {
            let key = ConformanceFlag.normalise(name)
            return key.contains("RESULT") || ConformanceFlag.distance(key, "EXPECTEDRESULTS") <= 3
        }
        func walk(_ value: JSONValue, depth: Int) {
            guard depth < 8, let members = value.members else { return }
            for (name, child) in members {
                guard let childMembers = child.members else { continue }
                if isResultsName(name) { found.append(childMembers) }
                walk(child, depth: depth + 1)
            }
        }
        walk(document, depth: 0)
        return found
    }

    /// Reads base64 DER, tolerating PEM armour and line breaks.
    static func der(fromBase64 text: String) -> [UInt8]? {
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        let compact = String(body.filter { !$0.isWhitespace })
        return Data(base64Encoded: compact).map(Array.init)
    }
}
