/// What redaction does to each span it replaces.
///
/// ```swift
/// let redactor = PIIRedactor(operator: .mask())
/// redactor.redact("手机13812345678").text   // "手机138****5678"
/// ```
public struct PIIOperator: Sendable {
    enum Base: Sendable {
        case mask(MaskingPolicy)
        case redact
        case tag
        case pseudonym(Pseudonymizer)
        case generalise(Generaliser)
    }

    let base: Base

    /// Display form with some characters hidden (`138****5678`).
    public static func mask(_ policy: MaskingPolicy = .standard) -> PIIOperator { PIIOperator(base: .mask(policy)) }
    /// Removes the value entirely.
    public static let redact = PIIOperator(base: .redact)
    /// Replaces the value with its type tag (`<CN_PHONE>`).
    public static let tag = PIIOperator(base: .tag)
    /// Replaces the value with a keyed pseudonym (`<CN_PHONE:3f9a…>`), stable under one key.
    public static func pseudonym(key: PseudonymKey) -> PIIOperator { PIIOperator(base: .pseudonym(Pseudonymizer(key: key))) }
    /// Coarsens values: addresses to their district, resident IDs to province and birth
    /// decade, and — in running text — ages to bands and dates to months; other types,
    /// which have no coarser form, become their type tag.
    public static func generalise(_ generaliser: Generaliser = Generaliser()) -> PIIOperator { PIIOperator(base: .generalise(generaliser)) }

    /// Whether the output is still personal information under PIPL Art. 73: pseudonyms,
    /// masked and generalised values can be linked back with other information; only
    /// removal and type tags leave no trace of the value.
    public var outputIsPseudonymised: Bool {
        switch base {
        case .redact, .tag: return false
        case .mask, .pseudonym, .generalise: return true
        }
    }

    /// The replacement for `value`, a span of `type`.
    public func replacement(for value: String, as type: PIIType) -> String {
        switch base {
        case .mask(let policy): return policy.mask(value, as: type)
        case .redact: return ""
        case .tag: return "<\(type.rawValue)>"
        case .pseudonym(let p): return p.pseudonym(for: value, as: type)
        case .generalise(let g): return g.generalise(value, as: type) ?? "<\(type.rawValue)>"
        }
    }
}
