/// The seven legal bases of PIPL Art. 13 on which personal information may be processed.
public enum LegalBasis: String, Sendable, Hashable, CaseIterable, Codable {
    /// Art. 13(1): the individual's consent.
    case consent
    /// Art. 13(2): concluding or performing a contract, or human-resources management.
    case contract
    /// Art. 13(3): a statutory duty or obligation.
    case statutoryDuty = "statutory-duty"
    /// Art. 13(4): responding to a public-health emergency, or protecting life, health and property in an emergency.
    case publicHealthEmergency = "public-health-emergency"
    /// Art. 13(5): news reporting and supervision by public opinion in the public interest.
    case newsReporting = "news-reporting"
    /// Art. 13(6): information the individual disclosed or that was lawfully disclosed.
    case publiclyAvailable = "publicly-available"
    /// Art. 13(7): other circumstances provided by laws and administrative regulations.
    case otherLaw = "other-law"

    /// The article the basis comes from, e.g. `Art. 13(4)`.
    public var article: String {
        switch self {
        case .consent: "Art. 13(1)"
        case .contract: "Art. 13(2)"
        case .statutoryDuty: "Art. 13(3)"
        case .publicHealthEmergency: "Art. 13(4)"
        case .newsReporting: "Art. 13(5)"
        case .publiclyAvailable: "Art. 13(6)"
        case .otherLaw: "Art. 13(7)"
        }
    }

    /// Whether the basis can carry sensitive categories (Art. 28–29): consent does
    /// (as a separate consent), and so do the bases where a law or an emergency
    /// imposes the processing; a contract, news reporting or public availability do not.
    public var coversSensitiveData: Bool {
        switch self {
        case .consent, .statutoryDuty, .publicHealthEmergency, .otherLaw: true
        case .contract, .newsReporting, .publiclyAvailable: false
        }
    }
}
