/// A whole, checked vault configuration: who the handler is, what may be
/// collected, for which purposes, by which roles.
public struct VaultConfiguration: Sendable, Hashable {
    /// The handler.
    public var handler: Handler
    /// The data categories.
    public var taxonomy: Taxonomy
    /// Collection standards by id.
    public var standards: [String: CollectionStandard]
    /// Purposes by id.
    public var purposes: [String: Purpose]
    /// Roles by id.
    public var roles: [String: Role]
    /// Recipients personal information may be given to, by id (PIPL Art. 21, 23, 38–39).
    public var recipients: [String: Recipient] = [:]
    /// Anomaly rules on the access stream (Art. 51, 57).
    public var anomaly = AnomalyPolicy()
    /// The number of people whose biometric templates the vault may hold before a filing with the authority is due.
    public var biometricFilingThreshold = 100_000

    /// Creates a configuration.
    public init(handler: Handler, taxonomy: Taxonomy, standards: [CollectionStandard], purposes: [Purpose], roles: [Role],
                recipients: [Recipient] = [], anomaly: AnomalyPolicy = AnomalyPolicy()) {
        self.handler = handler
        self.taxonomy = taxonomy
        self.standards = Dictionary(standards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.purposes = Dictionary(purposes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.roles = Dictionary(roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.recipients = Dictionary(recipients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.anomaly = anomaly
    }

    /// The definition of a field as the standards of `purpose` declare it.
    public func field(_ name: String, for purpose: Purpose) -> FieldDefinition? {
        for standardID in purpose.standards {
            if let field = standards[standardID]?.field(named: name) { return field }
        }
        return nil
    }

    /// The definition of a field in any standard.
    public func anyField(named name: String) -> FieldDefinition? {
        for standard in standards.values.sorted(by: { $0.id < $1.id }) {
            if let field = standard.field(named: name) { return field }
        }
        return nil
    }

    /// The fields of `purpose` whose category is sensitive (PIPL Art. 28).
    public func sensitiveFields(of purpose: Purpose) -> [String] {
        purpose.fields.filter { field in self.field(field, for: purpose).map { taxonomy.isSensitive($0.category) } ?? false }
    }

    /// Whether a consent to `purpose` must be a separate consent — to that purpose alone, never
    /// bundled: it shares with another handler (Art. 23), discloses publicly (Art. 25), processes
    /// sensitive categories (Art. 29) or transfers abroad (Art. 39).
    public func requiresSeparateConsent(_ purpose: Purpose) -> Bool {
        providesToOtherHandlers(purpose) || purpose.disclosesPublicly || transfersAbroad(purpose) || !sensitiveFields(of: purpose).isEmpty || isBiometric(purpose)
    }

    /// The reasons `purpose` needs a separate consent, with articles, for messages.
    public func separateConsentReasons(_ purpose: Purpose) -> [String] {
        var reasons: [String] = []
        if providesToOtherHandlers(purpose) { reasons.append("it provides information to other handlers (PIPL Art. 23)") }
        if purpose.disclosesPublicly { reasons.append("it discloses information publicly (PIPL Art. 25)") }
        if !sensitiveFields(of: purpose).isEmpty { reasons.append("it processes sensitive personal information (PIPL Art. 29)") }
        if isBiometric(purpose), sensitiveFields(of: purpose).isEmpty { reasons.append("it processes biometric information (PIPL Art. 29)") }
        if transfersAbroad(purpose) { reasons.append("it transfers information abroad (PIPL Art. 39)") }
        return reasons
    }

    /// Whether `purpose` gives information to another handler (Art. 23). An
    /// entrusted processor inside the PRC is not one (Art. 21); a recipient the
    /// registry does not know is treated as one.
    public func providesToOtherHandlers(_ purpose: Purpose) -> Bool {
        purpose.recipients.contains { id in recipients[id].map { $0.kind == .handler } ?? true }
    }

    /// Whether `purpose` transfers information outside the PRC (Art. 38–39).
    public func transfersAbroad(_ purpose: Purpose) -> Bool {
        purpose.crossBorderMechanism != nil || purpose.recipients.contains { recipients[$0]?.isAbroad ?? false }
    }

    /// Why `purpose` needs a personal-information protection impact assessment
    /// before it may be used (PIPL Art. 55): each ground with its article;
    /// empty when none applies.
    public func assessmentGrounds(_ purpose: Purpose) -> [String] {
        var grounds: [String] = []
        if !sensitiveFields(of: purpose).isEmpty { grounds.append("it processes sensitive personal information (PIPL Art. 55(1))") }
        if purpose.automatedDecision { grounds.append("it makes automated decisions (PIPL Art. 55(2))") }
        if !purpose.recipients.isEmpty { grounds.append("it entrusts processing to or provides information to others (PIPL Art. 55(3))") }
        if purpose.disclosesPublicly { grounds.append("it discloses information publicly (PIPL Art. 55(3))") }
        if transfersAbroad(purpose) { grounds.append("it transfers information abroad (PIPL Art. 55(4))") }
        return grounds
    }
}
