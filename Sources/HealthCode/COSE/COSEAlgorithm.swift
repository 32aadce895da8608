/// A COSE signature algorithm identifier (RFC 9053 §2, IANA COSE Algorithms).
public struct COSEAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// The registered integer identifier.
    public var identifier: Int64

    /// Wraps a registered identifier.
    public init(identifier: Int64) { self.identifier = identifier }

    /// ECDSA with SHA-256 on P-256 (-7).
    public static let es256 = COSEAlgorithm(identifier: -7)
    /// ECDSA with SHA-384 on P-384 (-35).
    public static let es384 = COSEAlgorithm(identifier: -35)
    /// ECDSA with SHA-512 on P-521 (-36).
    public static let es512 = COSEAlgorithm(identifier: -36)
    /// RSASSA-PSS with SHA-256 and MGF1 (-37, RFC 8230).
    public static let ps256 = COSEAlgorithm(identifier: -37)

    /// The registered name, or the number for algorithms this library does not know.
    public var description: String {
        switch identifier {
        case -7: "ES256"
        case -35: "ES384"
        case -36: "ES512"
        case -37: "PS256"
        default: "alg \(identifier)"
        }
    }
}

/// COSE header labels used by this library (RFC 9052 §3.1).
public enum COSEHeaderLabel {
    /// `alg`.
    public static let algorithm: Int64 = 1
    /// `content type`.
    public static let contentType: Int64 = 3
    /// `kid`.
    public static let keyID: Int64 = 4
}
