/// The CWT claims the health-certificate format uses (RFC 8392 §3.1, EU DCC §3.3).
public struct CWTClaims: Sendable, Hashable {
    /// Claim keys.
    public enum Key {
        /// `iss`.
        public static let issuer: Int64 = 1
        /// `exp`.
        public static let expiration: Int64 = 4
        /// `iat`.
        public static let issuedAt: Int64 = 6
        /// `hcert` (EU DCC).
        public static let healthCertificate: Int64 = -260
        /// Entry 1 of `hcert`: the certificate payload.
        public static let healthCertificateVersion1: Int64 = 1
    }

    /// The issuer (`iss`).
    public var issuer: String?
    /// Issued-at, seconds since the epoch (`iat`).
    public var issuedAt: Int64?
    /// Expiry, seconds since the epoch (`exp`).
    public var expiresAt: Int64?
    /// The payload held in `hcert` under key 1.
    public var healthCertificate: CBOR?

    /// Creates a claims set.
    public init(issuer: String?, issuedAt: Int64?, expiresAt: Int64?, healthCertificate: CBOR?) {
        self.issuer = issuer
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.healthCertificate = healthCertificate
    }

    /// Decodes a claims set from the COSE payload.
    ///
    /// NumericDates may be integers or floats (RFC 8392 §2); floats are
    /// truncated toward negative infinity to whole seconds.
    ///
    /// - Throws: `malformedClaims` when the payload is not a claims map or a
    ///   known claim has the wrong type.
    public init(decoding payload: [UInt8], decoder: CBORDecoder = CBORDecoder()) throws {
        let item: CBOR
        do {
            item = try decoder.decode(payload)
        } catch let error as HealthCodeError {
            throw HealthCodeError(.malformedClaims, "CWT payload is not valid CBOR: \(error.message)")
        }
        try self.init(item)
    }

    /// Reads a claims set from a decoded CBOR map.
    public init(_ item: CBOR) throws {
        guard case .map(let entries) = item else {
            throw HealthCodeError(.malformedClaims, "CWT claims must be a CBOR map")
        }
        guard !item.hasDuplicateKeys else {
            throw HealthCodeError(.malformedClaims, "CWT claims repeat a key; which value applies would be ambiguous")
        }
        var claims = CWTClaims(issuer: nil, issuedAt: nil, expiresAt: nil, healthCertificate: nil)
        for entry in entries {
            switch entry.key.int64 {
            case Key.issuer:
                guard let text = entry.value.text else { throw Self.wrongType("iss (1)", "a text string") }
                claims.issuer = text
            case Key.issuedAt:
                claims.issuedAt = try Self.numericDate(entry.value, name: "iat (6)")
            case Key.expiration:
                claims.expiresAt = try Self.numericDate(entry.value, name: "exp (4)")
            case Key.healthCertificate:
                guard let inner = entry.value[int: Key.healthCertificateVersion1] else {
                    throw Self.wrongType("hcert (-260)", "a map with key 1")
                }
                claims.healthCertificate = inner
            default:
                continue
            }
        }
        self = claims
    }

    static func numericDate(_ value: CBOR, name: String) throws -> Int64 {
        switch value {
        case .unsigned, .negative:
            guard let n = value.int64 else { throw wrongType(name, "a NumericDate within 64-bit range") }
            return n
        case .float(let d) where d.isFinite && abs(d) < 9.2e18:
            return Int64(d.rounded(.down))
        case .tagged(1, let inner):
            return try numericDate(inner, name: name)
        default:
            throw wrongType(name, "a NumericDate (integer or float)")
        }
    }

    static func wrongType(_ name: String, _ expected: String) -> HealthCodeError {
        HealthCodeError(.malformedClaims, "CWT claim \(name) must be \(expected)")
    }

    /// The claims as a deterministic CBOR map.
    public var cbor: CBOR {
        var entries: [(CBOR, CBOR)] = []
        if let issuer { entries.append((.int(Key.issuer), .text(issuer))) }
        if let expiresAt { entries.append((.int(Key.expiration), .int(expiresAt))) }
        if let issuedAt { entries.append((.int(Key.issuedAt), .int(issuedAt))) }
        if let healthCertificate {
            entries.append((.int(Key.healthCertificate), .map(pairs: [(.int(Key.healthCertificateVersion1), healthCertificate)])))
        }
        return .map(pairs: entries)
    }

    /// The claims encoded deterministically.
    public func encoded() -> [UInt8] { CBOREncoder().encode(cbor) }
}
