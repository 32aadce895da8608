/// Why a request, or one field of it, was refused, with the rule it rests on.
public struct Denial: Sendable, Hashable, CustomStringConvertible {
    /// The field refused, or nil when the whole request is refused.
    public var field: String?
    /// What was wrong, in words an operator can act on. Never contains personal data.
    public var reason: String
    /// The article or rule, e.g. `PIPL Art. 6`.
    public var article: String

    /// Creates a denial.
    public init(field: String?, reason: String, article: String) {
        self.field = field
        self.reason = reason
        self.article = article
    }

    /// `denied: <reason> (<article>)`.
    public var description: String { "denied: \(reason) (\(article))" }
}
