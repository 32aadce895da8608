/// The personal-information handler operating the vault (PIPL Art. 17, 52).
public struct Handler: Sendable, Hashable {
    /// The handler's name, as notices show it.
    public var name: String
    /// How to contact the handler.
    public var contact: String
    /// The personal-information protection officer's contact, where one is appointed (Art. 52).
    public var officer: String?
    /// The authority breach notices go to (Art. 57), e.g. the local cyberspace administration.
    public var authority: String?

    /// Creates a handler.
    public init(name: String, contact: String, officer: String? = nil, authority: String? = nil) {
        self.name = name
        self.contact = contact
        self.officer = officer
        self.authority = authority
    }
}
