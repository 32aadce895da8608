/// A submission that passed its collection standard: every value in canonical form.
public struct ValidatedRecord: Sendable, Hashable {
    /// The standard it was validated against.
    public var standard: String
    /// Canonical values by field name (mobiles in E.164, IDs uppercased, dates ISO 8601).
    public var values: [String: JSONValue]

    /// Creates a record.
    public init(standard: String, values: [String: JSONValue]) {
        self.standard = standard
        self.values = values
    }
}
