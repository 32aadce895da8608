/// A class of personal information, as GB/T 35273-2020 groups it.
///
/// The `sensitive` flag follows PIPL Art. 28: processing a sensitive category
/// needs a specific purpose, necessity, strict protection and, where consent is
/// the basis, a separate consent.
public struct DataCategory: Sendable, Hashable, Codable {
    /// Stable identifier used in configurations, e.g. `health`.
    public var id: String
    /// English name.
    public var name: String
    /// Chinese name, as the standard words it.
    public var nameZH: String
    /// Whether PIPL Art. 28 treats this category as sensitive.
    public var sensitive: Bool

    /// Creates a category.
    public init(id: String, name: String, nameZH: String, sensitive: Bool) {
        self.id = id
        self.name = name
        self.nameZH = nameZH
        self.sensitive = sensitive
    }
}
