import PIVaultCore

/// Who a request acts for: a token and the configuration role it acts in.
public struct Principal: Sendable, Hashable {
    /// The token's id (`tok_…`): pseudonymous, safe to log.
    public var tokenID: String
    /// The token's name.
    public var name: String
    /// The role, as the configuration declares it.
    public var role: Role

    /// The actor the vault's policy sees.
    public var actor: Actor { Actor(id: tokenID, role: role.id) }

    /// Whether the role may act for `purpose` (PIPL Art. 51: access control).
    public func may(use purpose: String) -> Bool { role.purposes.contains(purpose) }

    /// Creates a principal.
    public init(tokenID: String, name: String, role: Role) {
        self.tokenID = tokenID
        self.name = name
        self.role = role
    }
}
