/// How a purpose uses biometric information (PIPL Art. 26, 28–29): the
/// non-biometric alternative people can choose, where capture happens, whether
/// it is 1:N identification rather than 1:1 verification, and the similarity
/// a 1:1 match must reach.
public struct BiometricUse: Sendable, Hashable {
    /// The non-biometric method offered instead (e.g. showing an identity card).
    public var alternative: String?
    /// Where capture happens.
    public var setting: BiometricSetting?
    /// Whether the purpose identifies people 1:N among many templates.
    public var identification: Bool
    /// The cosine similarity at or above which a 1:1 match succeeds.
    public var threshold: Double

    /// The threshold used when a purpose declares none.
    public static let defaultThreshold = 0.9

    /// Creates a declaration.
    public init(alternative: String? = nil, setting: BiometricSetting? = nil, identification: Bool = false, threshold: Double = BiometricUse.defaultThreshold) {
        self.alternative = alternative
        self.setting = setting
        self.identification = identification
        self.threshold = threshold
    }
}
