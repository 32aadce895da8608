/// A staff role and the purposes it may process for (PIPL Art. 51: access control).
public struct Role: Sendable, Hashable {
    /// Stable identifier, e.g. `epidemiologist`.
    public var id: String
    /// The purposes this role is granted.
    public var purposes: [String]
    /// Whether the role administers the vault (keys, configuration).
    public var administrator: Bool
    /// Whether the role is the protection officer's or an auditor's (Art. 52, 54): it may read
    /// the processing report and incidents, never personal data.
    public var officer: Bool

    /// Creates a role.
    public init(id: String, purposes: [String], administrator: Bool = false, officer: Bool = false) {
        self.id = id
        self.purposes = purposes
        self.administrator = administrator
        self.officer = officer
    }
}
