/// The kind of personal information a span holds.
///
/// Raw values are the type names of the labelled corpus format in
/// `../shared/testdata/pii/README.md`, so scan output and evaluation speak the same names.
public enum PIIType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Resident identity card number (GB 11643), 18 or legacy 15 characters.
    case residentID = "CN_ID"
    /// Mainland mobile number, with optional `+86`/`0086` prefix.
    case mobile = "CN_PHONE"
    /// Fixed-line number with its area code.
    case landline = "CN_LANDLINE"
    /// E-mail address.
    case email = "EMAIL"
    /// Payment card number (16–19 digits, Luhn).
    case bankCard = "BANK_CARD"
    /// People's Republic of China passport number.
    case passport = "CN_PASSPORT"
    /// Mainland travel permit for Hong Kong and Macau (or home-return permit).
    case hkmoPermit = "CN_HKMO_PERMIT"
    /// Motor-vehicle licence plate (GA 36), including 8-character new-energy plates.
    case plate = "CN_PLATE"
    /// Unified social credit code (GB 32100).
    case uscc = "CN_USCC"
    /// IPv4 or IPv6 address.
    case ipAddress = "IP_ADDRESS"
    /// Person name.
    case person = "PERSON"
    /// Postal address from an administrative unit to a house or room number.
    case address = "ADDRESS"

    /// Orders types by their corpus name, so reports list them stably.
    public static func < (lhs: PIIType, rhs: PIIType) -> Bool { lhs.rawValue < rhs.rawValue }
}
