/// A declared purpose of processing: what it may read, on which legal basis,
/// for how long (PIPL Art. 6, 13, 17, 19).
public struct Purpose: Sendable, Hashable {
    /// Stable identifier, e.g. `contact-tracing`.
    public var id: String
    /// Human-readable title.
    public var title: String
    /// What the processing is for, as shown in notices.
    public var description: String
    /// The one legal basis of Art. 13 the purpose rests on.
    public var basis: LegalBasis
    /// The collection standards records may be collected under for this purpose.
    public var standards: [String]
    /// The fields this purpose may read (Art. 6: only what it needs).
    public var fields: [String]
    /// Fields returned only in their masked display form (GB/T 35273 §3.14 practice).
    public var masked: [String]
    /// How long records collected for it are kept.
    public var retention: RetentionPeriod
    /// Whether the purpose is necessary for the service (Art. 16).
    public var necessary: Bool
    /// Why sensitive categories are necessary (Art. 28, 30).
    public var necessity: String?
    /// The impact on the individual of processing sensitive categories (Art. 30).
    public var impact: String?
    /// How the information is processed (Art. 17(1)2), as the notice states it.
    public var method: String
    /// Other handlers the information is provided to (Art. 23); a non-empty list makes the purpose a sharing one.
    public var recipients: [String]
    /// Whether results are disclosed publicly (Art. 25).
    public var disclosesPublicly: Bool
    /// Whether information is transferred outside the PRC (Art. 38–39), and under which mechanism.
    public var crossBorderMechanism: String?
    /// Extra time records collected under an emergency are kept after it ends (Art. 18, 19).
    public var emergencyGrace: RetentionPeriod?
    /// How it uses biometric information, when it does (Art. 26, 28–29).
    public var biometric = BiometricUse()
    /// Whether the purpose makes automated decisions about people (Art. 24, 55(2)).
    public var automatedDecision: Bool = false

    /// Creates a purpose.
    public init(
        id: String, title: String, description: String = "", basis: LegalBasis,
        standards: [String], fields: [String], masked: [String] = [],
        retention: RetentionPeriod, necessary: Bool = true,
        necessity: String? = nil, impact: String? = nil, method: String = "electronic collection and storage, encrypted per person",
        recipients: [String] = [], disclosesPublicly: Bool = false, crossBorderMechanism: String? = nil, emergencyGrace: RetentionPeriod? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.basis = basis
        self.standards = standards
        self.fields = fields
        self.masked = masked
        self.retention = retention
        self.necessary = necessary
        self.necessity = necessity
        self.impact = impact
        self.method = method
        self.recipients = recipients
        self.disclosesPublicly = disclosesPublicly
        self.crossBorderMechanism = crossBorderMechanism
        self.emergencyGrace = emergencyGrace
    }
}
