/// The kinds of EU DCC certificate, bound to extended-key-usage OIDs.
///
/// A document signer whose EKU lists any of these OIDs may only sign the
/// listed types (EU DCC technical specification §5.4.1). Both the OIDs under
/// `1.3.6.1.4.1.1847.2021.1` and the variants under `1.3.6.1.4.1.0.1847.2021.1`
/// seen in issued certificates are recognised.
public enum DCCCertificateType: String, Sendable, Hashable, CaseIterable {
    /// A test statement (`t`).
    case test = "t"
    /// A vaccination statement (`v`).
    case vaccination = "v"
    /// A recovery statement (`r`).
    case recovery = "r"

    /// The type bound to an EKU OID in dotted form, if any.
    public init?(oid: String) {
        for prefix in ["1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1."] where oid.hasPrefix(prefix) {
            switch oid.dropFirst(prefix.count) {
            case "1": self = .test; return
            case "2": self = .vaccination; return
            case "3": self = .recovery; return
            default: return nil
            }
        }
        return nil
    }

    /// The types a DCC payload claims to hold (the keys `v`, `t`, `r` present).
    public static func types(in payload: CBOR) -> Set<DCCCertificateType> {
        Set(allCases.filter { payload[text: $0.rawValue] != nil })
    }
}
