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
