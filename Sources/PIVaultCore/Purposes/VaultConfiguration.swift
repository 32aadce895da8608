/// A whole, checked vault configuration: who the handler is, what may be
/// collected, for which purposes, by which roles.
public struct VaultConfiguration: Sendable, Hashable {
    /// The handler.
    public var handler: Handler
    /// The data categories.
    public var taxonomy: Taxonomy
    /// Collection standards by id.
    public var standards: [String: CollectionStandard]
    /// Purposes by id.
    public var purposes: [String: Purpose]
    /// Roles by id.
    public var roles: [String: Role]

    /// Creates a configuration.
    public init(handler: Handler, taxonomy: Taxonomy, standards: [CollectionStandard], purposes: [Purpose], roles: [Role]) {
        self.handler = handler
        self.taxonomy = taxonomy
        self.standards = Dictionary(standards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.purposes = Dictionary(purposes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.roles = Dictionary(roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The definition of a field as the standards of `purpose` declare it.
    public func field(_ name: String, for purpose: Purpose) -> FieldDefinition? {
        for standardID in purpose.standards {
            if let field = standards[standardID]?.field(named: name) { return field }
        }
        return nil
    }

    /// The definition of a field in any standard.
    public func anyField(named name: String) -> FieldDefinition? {
        for standard in standards.values.sorted(by: { $0.id < $1.id }) {
            if let field = standard.field(named: name) { return field }
        }
        return nil
    }
}
