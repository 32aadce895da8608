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

/// What a recipient is in law.
public enum RecipientKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Another personal-information handler deciding its own purposes (Art. 23).
    case handler
    /// An entrusted processor acting for the handler under a contract (Art. 21).
    case processor
}

/// The mechanism under which information leaves the PRC (PIPL Art. 38(1)1–3).
public enum TransferMechanism: String, Sendable, Hashable, CaseIterable, Codable {
    /// A security assessment by the national cyberspace authority (Art. 38(1)1, 40).
    case securityAssessment = "security-assessment"
    /// Certification by a specialised body (Art. 38(1)2).
    case certification
    /// The standard contract of the national cyberspace authority (Art. 38(1)3).
    case standardContract = "standard-contract"

    /// The clause of Art. 38 that provides the mechanism.
    public var article: String {
        switch self {
        case .securityAssessment: "PIPL Art. 38(1)1"
        case .certification: "PIPL Art. 38(1)2"
        case .standardContract: "PIPL Art. 38(1)3"
        }
    }

    /// The mechanism's name in English.
    public var english: String {
        switch self {
        case .securityAssessment: "security assessment by the cyberspace authority"
        case .certification: "personal-information protection certification"
        case .standardContract: "standard contract"
        }
    }

    /// The mechanism's name in Chinese.
    public var chinese: String {
        switch self {
        case .securityAssessment: "国家网信部门组织的安全评估"
        case .certification: "个人信息保护认证"
        case .standardContract: "标准合同"
        }
    }
}

/// The contract an entrusted processor works under (PIPL Art. 21): its
/// period, the purposes it serves and the categories it may receive. Access
/// ends with the contract.
public struct EntrustmentContract: Sendable, Hashable {
    /// First day of the contract.
    public var from: Date
    /// The contract's last day (it runs to the end of that day); nil for an open-ended contract.
    public var until: Date?
    /// The purposes the processor serves; empty means any purpose that names it.
    public var purposes: [String]
    /// The data categories the processor may receive.
    public var categories: [String]

    /// Creates a contract.
    public init(from: Date, until: Date?, purposes: [String], categories: [String]) {
        self.from = from
        self.until = until
        self.purposes = purposes
        self.categories = categories
    }

    /// Whether the contract is in force at `date`.
    public func isInForce(at date: Date) -> Bool {
        date >= from && (until.map { date < $0.addingTimeInterval(86400) } ?? true)
    }
}
