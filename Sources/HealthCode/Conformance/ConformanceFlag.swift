/// The `EXPECTED…` flags of the EU DCC test-data format.
///
/// Each flag names one validation step; `true` means the step must succeed
/// for the vector and `false` that it must fail (dgc-testdata README).
public enum ConformanceFlag: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The JSON payload validates against the DCC schema.
    case validObject = "EXPECTEDVALIDOBJECT"
    /// The decoded payload validates against the DCC schema.
    case schemaValidation = "EXPECTEDSCHEMAVALIDATION"
    /// `JSON` encodes to the content of `CBOR`.
    case encode = "EXPECTEDENCODE"
    /// The payload inside `COSE` decodes and matches `JSON` and `CBOR`.
    case decode = "EXPECTEDDECODE"
    /// `COSE` verifies with `TESTCTX.CERTIFICATE`.
    case verify = "EXPECTEDVERIFY"
    /// `COMPRESSED` inflates to `COSE`.
    case compression = "EXPECTEDCOMPRESSION"
    /// The signer's extended key usage covers the payload type.
    case keyUsage = "EXPECTEDKEYUSAGE"
    /// `PREFIX` carries a valid prefix and equals `HC1:` + `BASE45`.
    case unprefix = "EXPECTEDUNPREFIX"
    /// The whole chain decodes and matches `JSON`.
    case validJSON = "EXPECTEDVALIDJSON"
    /// `BASE45` decodes to `COMPRESSED`.
    case base45Decode = "EXPECTEDB45DECODE"
    /// `2DCODE` (a PNG) decodes to `PREFIX`.
    case pictureDecode = "EXPECTEDPICTUREDECODE"
    /// The code is within its validity window at `TESTCTX.VALIDATIONCLOCK`.
    case expirationCheck = "EXPECTEDEXPIRATIONCHECK"

    /// Why the flag is outside this runner's scope, if it is.
    public var exclusionReason: String? {
        switch self {
        case .pictureDecode: "picture decoding is out of scope (no image decoder in the library)"
        case .schemaValidation, .validObject: "JSON-schema validation is out of scope"
        default: nil
        }
    }

    /// The EU suite's test names for this flag, as used in `known_issues.csv`.
    public var testNames: [String] {
        switch self {
        case .validObject: ["test_json_schema"]
        case .schemaValidation: ["test_cose_schema"]
        case .encode: ["test_cbor_encode"]
        case .decode: ["test_cose_json", "test_cose_cbor"]
        case .verify: ["test_verification_check"]
        case .compression: ["test_compression"]
        case .keyUsage: ["test_expected_key_usage"]
        case .unprefix: ["test_un_prefix"]
        case .validJSON: ["test_cbor_json"]
        case .base45Decode: ["test_b45decode"]
        case .pictureDecode: ["test_picture_decode"]
        case .expirationCheck: ["test_expiration_check"]
        }
    }

    /// Recognises a flag name despite case, punctuation and small misspellings
    /// (edit distance ≤ 2, e.g. `EXPTECTEDVERIFY`).
    public init?(fuzzy name: String) {
        let key = Self.normalise(name)
        if let exact = Self.allCases.first(where: { $0.rawValue == key }) { self = exact; return }
        let scored = Self.allCases.map { ($0, Self.distance(key, $0.rawValue)) }.sorted { $0.1 < $1.1 }
        // Names further off (the Bulgarian "EXPTECTEDEXPIRED") are left unrecognised:
        // their data fit no defined flag, so the runner reports and ignores them.
        guard let best = scored.first, best.1 <= 2, scored.count < 2 || scored[1].1 > best.1 else { return nil }
        self = best.0
    }

    /// Upper-case letters and digits only.
    static func normalise(_ name: String) -> String {
        String(name.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// Orders flags by name, for stable reports.
    public static func < (lhs: ConformanceFlag, rhs: ConformanceFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}
