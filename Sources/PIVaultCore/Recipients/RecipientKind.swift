/// What a recipient is in law.
public enum RecipientKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Another personal-information handler deciding its own purposes (Art. 23).
    case handler
    /// An entrusted processor acting for the handler under a contract (Art. 21).
    case processor
}
