/// Who is asking: a staff member or system acting in a role.
public struct Actor: Sendable, Hashable {
    /// A pseudonymous identifier of the actor (a token name, a staff id), never a personal value.
    public var id: String
    /// The role the actor acts in.
    public var role: String

    /// Creates an actor.
    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }
}
