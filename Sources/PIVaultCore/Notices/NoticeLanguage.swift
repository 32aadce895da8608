/// The languages notices are generated in.
public enum NoticeLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Simplified Chinese (zh-CN), the notice's authoritative language.
    case zh
    /// English.
    case en
}
