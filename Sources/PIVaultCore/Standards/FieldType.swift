/// The type and format rule of a field in a collection standard.
public enum FieldType: Sendable, Hashable {
    /// Free text.
    case text
    /// A PRC resident identity number (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check.
    case residentID
    /// A telephone number, normalised to E.164; bare 11-digit numbers are mainland mobiles.
    case mobile
    /// An ISO 8601 calendar date (`YYYY-MM-DD`).
    case date
    /// An ISO 8601 date and time with offset, normalised to UTC.
    case dateTime
    /// An e-mail address.
    case email
    /// One of a fixed list of values.
    case enumeration([String])
    /// `true` or `false`.
    case boolean
    /// A whole number.
    case integer
    /// A list of text values.
    case textList
    /// A biometric template of one modality and a fixed size (PIPL Art. 28); kept apart from identity data.
    case biometric(BiometricSpec)

    /// The spelling used in configuration files.
    public var configName: String {
        switch self {
        case .text: "text"
        case .residentID: "resident-id"
        case .mobile: "mobile"
        case .date: "date"
        case .dateTime: "datetime"
        case .email: "email"
        case .enumeration: "enum"
        case .boolean: "boolean"
        case .integer: "integer"
        case .textList: "list"
        case .biometric: "biometric"
        }
    }

    /// Every spelling accepted in configuration files.
    public static let configNames = ["text", "resident-id", "mobile", "date", "datetime", "email", "enum", "boolean", "integer", "list", "biometric"]

    /// Whether values of this type get a blind index by default, for exact lookups.
    public var indexedByDefault: Bool {
        switch self {
        case .residentID, .mobile, .email: true
        default: false
        }
    }
}
