/// The facts a notice states about one purpose (PIPL Art. 17, 30), independent
/// of language. Its canonical form is what the notice version hashes, so any
/// change to the purpose's definition gives a new version (Art. 14).
public struct NoticeContent: Sendable, Hashable, Codable {
    /// One data category the purpose processes.
    public struct Category: Sendable, Hashable, Codable {
        /// Category id.
        public var id: String
        /// English name.
        public var name: String
        /// Chinese name.
        public var nameZH: String
        /// Whether it is sensitive (Art. 28).
        public var sensitive: Bool
        /// The fields of this category the purpose uses.
        public var fields: [String]
    }

    /// A recipient as the notice names it (Art. 23, 39): who, what it is, and for one abroad
    /// where, under which mechanism, and how to exercise rights against it.
    public struct RecipientDetail: Sendable, Hashable, Codable {
        /// Recipient id.
        public var id: String
        /// Name.
        public var name: String
        /// `handler` or `processor`.
        public var kind: RecipientKind
        /// Contact.
        public var contact: String?
        /// Country, for a recipient abroad.
        public var country: String?
        /// Transfer mechanism, for a recipient abroad.
        public var mechanism: TransferMechanism?
        /// How to exercise rights against a recipient abroad.
        public var rightsContact: String?
    }

    /// Handler name.
    public var handler: String
    /// Handler contact.
    public var contact: String
    /// Protection officer contact, where appointed (Art. 52).
    public var officer: String?
    /// Purpose id.
    public var purpose: String
    /// Purpose title.
    public var title: String
    /// What the processing is for.
    public var description: String
    /// Legal basis.
    public var basis: LegalBasis
    /// How the information is processed.
    public var method: String
    /// Categories, sensitive ones marked.
    public var categories: [Category]
    /// Why sensitive categories are necessary (Art. 30).
    public var necessity: String?
    /// Their impact on the individual (Art. 30).
    public var impact: String?
    /// Retention period.
    public var retention: String
    /// Other handlers that receive the information (Art. 23).
    public var recipients: [String]
    /// The registered recipients in detail; nil when the purpose names none the registry knows.
    public var recipientDetails: [RecipientDetail]?
    /// Whether results are disclosed publicly (Art. 25).
    public var disclosesPublicly: Bool
    /// Cross-border transfer mechanism (Art. 38–39).
    public var crossBorderMechanism: String?
    /// Whether the purpose is necessary for the service (Art. 16).
    public var necessary: Bool
    /// Whether consent to it must be separate.
    public var separateConsent: Bool
    /// For a biometric purpose: the non-biometric method people may choose instead (Art. 29).
    public var biometricAlternative: String?
    /// For a biometric purpose: where capture happens (Art. 26).
    public var biometricSetting: BiometricSetting?

    /// The content of the notice for `purpose` under `configuration`.
    public init(purpose: Purpose, configuration: VaultConfiguration) {
        handler = configuration.handler.name
        contact = configuration.handler.contact
        officer = configuration.handler.officer
        self.purpose = purpose.id
        title = purpose.title
        description = purpose.description
        basis = purpose.basis
        method = purpose.method
        var byCategory: [String: [String]] = [:]
        for field in purpose.fields {
            if let definition = configuration.field(field, for: purpose) { byCategory[definition.category, default: []].append(field) }
        }
        categories = byCategory.keys.sorted().map { id in
            let category = configuration.taxonomy[id]
            return Category(id: id, name: category?.name ?? id, nameZH: category?.nameZH ?? id, sensitive: configuration.taxonomy.isSensitive(id), fields: byCategory[id]!)
        }
        necessity = purpose.necessity
        impact = purpose.impact
        retention = purpose.retention.description
        recipients = purpose.recipients.map { configuration.recipients[$0]?.name ?? $0 }
        let details = purpose.recipients.compactMap { configuration.recipients[$0] }.map { recipient in
            RecipientDetail(id: recipient.id, name: recipient.name, kind: recipient.kind, contact: recipient.contact,
                            country: recipient.isAbroad ? recipient.country : nil, mechanism: recipient.isAbroad ? recipient.mechanism : nil,
                            rightsContact: recipient.isAbroad ? recipient.rightsContact : nil)
        }
        recipientDetails = details.isEmpty ? nil : details
        disclosesPublicly = purpose.disclosesPublicly
        crossBorderMechanism = purpose.crossBorderMechanism
        necessary = purpose.necessary
        separateConsent = configuration.requiresSeparateConsent(purpose)
        if configuration.isBiometric(purpose) {
            biometricAlternative = purpose.biometric.alternative
            biometricSetting = purpose.biometric.setting
        }
    }
}
