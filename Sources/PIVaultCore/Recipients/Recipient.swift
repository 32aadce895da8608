import Foundation

/// Someone personal information is given to: another handler (PIPL Art. 23),
/// an entrusted processor working under a contract (Art. 21), or either of
/// them abroad under a transfer mechanism (Art. 38–39).
public struct Recipient: Sendable, Hashable {
    /// Stable identifier purposes name, e.g. `provincial-cdc`.
    public var id: String
    /// The recipient's name, as notices show it.
    public var name: String
    /// What the recipient is in law.
    public var kind: RecipientKind
    /// How to contact the recipient.
    public var contact: String?
    /// The country (ISO 3166 code or name) for a recipient outside the PRC; nil or `CN` means inside.
    public var country: String?
    /// The transfer mechanism of Art. 38 for a recipient abroad.
    public var mechanism: TransferMechanism?
    /// How individuals exercise their rights against a recipient abroad (Art. 39).
    public var rightsContact: String?
    /// The entrustment contract of a processor (Art. 21).
    public var contract: EntrustmentContract?

    /// Creates a recipient.
    public init(id: String, name: String, kind: RecipientKind, contact: String? = nil, country: String? = nil,
                mechanism: TransferMechanism? = nil, rightsContact: String? = nil, contract: EntrustmentContract? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contact = contact
        self.country = country
        self.mechanism = mechanism
        self.rightsContact = rightsContact
        self.contract = contract
    }

    /// Whether the recipient is outside the PRC (Art. 38).
    public var isAbroad: Bool {
        guard let country else { return false }
        return !["CN", "CHN", "PRC", "CHINA"].contains(country.uppercased())
    }

    /// Whether giving it information needs the individual's separate consent:
    /// another handler (Art. 23) or anyone abroad (Art. 39); an entrusted
    /// processor inside the PRC acts for the handler and needs none (Art. 21).
    public var requiresSeparateConsent: Bool { kind == .handler || isAbroad }

    /// The articles that govern giving information to this recipient.
    public var articles: String {
        var articles = [kind == .processor ? "PIPL Art. 21" : "PIPL Art. 23"]
        if isAbroad { articles.append("Art. 38–39") }
        return articles.joined(separator: ", ")
    }
}
