/// A declared collection standard: exactly the fields an organisation may
/// collect for a kind of record (PIPL Art. 6, minimal collection).
public struct CollectionStandard: Sendable, Hashable {
    /// Stable identifier, e.g. `epidemic-registration`.
    public var id: String
    /// Human-readable title.
    public var title: String
    /// The fields, in declaration order.
    public var fields: [FieldDefinition]

    /// Creates a standard.
    public init(id: String, title: String, fields: [FieldDefinition]) {
        self.id = id
        self.title = title
        self.fields = fields
    }

    /// The field with this name, if the standard declares it.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }
}
