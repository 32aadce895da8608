/// One field of a collection standard.
public struct FieldDefinition: Sendable, Hashable {
    /// The field's name, as submissions spell it (`resident_id`).
    public var name: String
    /// Its type and format rule.
    public var type: FieldType
    /// Its data category id in the taxonomy.
    public var category: String
    /// Whether a submission must carry it.
    public var required: Bool
    /// Whether a blind index (keyed HMAC) is kept so the subject can be found by this value.
    public var indexed: Bool

    /// Creates a field definition.
    public init(name: String, type: FieldType, category: String, required: Bool = false, indexed: Bool? = nil) {
        self.name = name
        self.type = type
        self.category = category
        self.required = required
        self.indexed = indexed ?? type.indexedByDefault
    }
}
