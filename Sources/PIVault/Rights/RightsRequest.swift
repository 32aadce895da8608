import Foundation
import PIVaultCore
import PIVaultStore

/// A request by which an individual exercises a right of PIPL Art. 44–49,
/// as the vault tracks it: type, status, due date, handler and, when refused,
/// the reason and the rule (Art. 50). Holds ids and rules, never personal values.
public struct RightsRequest: Sendable, Hashable, Codable {
    /// The right exercised.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Art. 45: a report of everything held.
        case access
        /// Art. 45: a copy of the data.
        case copy
        /// Art. 45(3): the data in a portable, machine-readable form for another handler.
        case portability
        /// Art. 46: correct or complete a record.
        case correction
        /// Art. 47: delete.
        case deletion
        /// Art. 15: withdraw consent to a purpose.
        case withdrawal
        /// Art. 48, 24: explain the processing rules.
        case explanation
        /// Art. 44: restrict processing to storage and protection.
        case restriction

        /// The article the right comes from.
        public var article: String {
            switch self {
            case .access, .copy: "PIPL Art. 45"
            case .portability: "PIPL Art. 45(3)"
            case .correction: "PIPL Art. 46"
            case .deletion: "PIPL Art. 47"
            case .withdrawal: "PIPL Art. 15"
            case .explanation: "PIPL Art. 48, 24"
            case .restriction: "PIPL Art. 44"
            }
        }

        /// The rights a close relative of a deceased subject may exercise (Art. 49).
        public var openToRelatives: Bool { [.access, .copy, .correction, .deletion].contains(self) }
    }

    /// Where a request stands: `received` → `verifying` → `in_progress` → `completed` or `refused`.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case received, verifying
        case inProgress = "in_progress"
        case completed, refused

        /// Whether the request is answered.
        public var isFinal: Bool { self == .completed || self == .refused }
    }

    /// Who asks.
    public enum Requester: String, Sendable, Hashable, Codable, CaseIterable {
        /// The individual themself.
        case subject
        /// A close relative of a deceased individual, for their own lawful interests (Art. 49).
        case relative
    }

    /// Request id.
    public var id: String
    /// The subject.
    public var subjectID: String
    /// The right exercised.
    public var kind: Kind
    /// Where it stands.
    public var status: Status
    /// Who asked.
    public var requester: Requester
    /// For a relative: the reference to the proof of kinship and interest.
    public var relativeReference: String?
    /// The purpose named (withdrawal, restriction).
    public var purpose: String?
    /// The record named (correction).
    public var recordID: String?
    /// When received.
    public var receivedAt: Date
    /// When it must be answered.
    public var dueAt: Date
    /// When its status last changed.
    public var updatedAt: Date
    /// Whether it is open past its due date.
    public var overdue: Bool
    /// Who handled it last.
    public var handler: String?
    /// Why it was refused (Art. 50).
    public var refusalReason: String?
    /// The rule the refusal rests on.
    public var refusalArticle: String?
    /// The signed receipt of its completion or refusal.
    public var receipt: String?
    /// Its status history.
    public var history: [RequestEventRow]

    init(_ row: RightsRequestRow, history: [RequestEventRow], now: Date) {
        id = row.id
        subjectID = row.subjectID
        kind = Kind(rawValue: row.type) ?? .access
        status = Status(rawValue: row.status) ?? .received
        requester = Requester(rawValue: row.requester) ?? .subject
        relativeReference = row.relativeReference
        purpose = row.purpose
        recordID = row.recordID
        receivedAt = row.createdAt
        dueAt = row.dueAt
        updatedAt = row.updatedAt
        overdue = !status.isFinal && row.dueAt < now
        handler = row.handler
        refusalReason = row.refusalReason
        refusalArticle = row.refusalArticle
        receipt = row.receipt
        self.history = history
    }
}

/// Who acts on a request: staff of the handler, or the subject through a token.
public enum RequestAuthority: Sendable, Hashable {
    /// A staff member or system, by pseudonymous id.
    case staff(String)
    /// The subject, by the token the handler issued them (`pivault subject token`).
    case subjectToken(String)
}

/// A request as filed.
public struct NewRightsRequest: Sendable {
    /// The subject it is about.
    public var subjectID: String
    /// The right exercised.
    public var kind: RightsRequest.Kind
    /// Who asks.
    public var requester: RightsRequest.Requester
    /// For a relative (Art. 49): a reference to the proof of kinship and of their own lawful interest.
    public var relativeReference: String?
    /// The purpose (withdrawal: required; restriction: optional, all purposes when nil).
    public var purpose: String?
    /// For a correction: the record.
    public var recordID: String?
    /// For a correction: the corrected or completed values by field.
    public var corrections: [String: JSONValue]
    /// For portability: the receiving handler, as the export names it.
    public var recipient: String?
    /// Days until the request is due; nil uses ``Vault/defaultRequestDueDays``.
    public var dueDays: Int?
    /// For the subject's own copy or portability export: include their biometric templates' values (PIPL Art. 45).
    public var includeBiometricTemplates = false

    /// Creates a request.
    public init(subjectID: String, kind: RightsRequest.Kind, requester: RightsRequest.Requester = .subject, relativeReference: String? = nil,
                purpose: String? = nil, recordID: String? = nil, corrections: [String: JSONValue] = [:], recipient: String? = nil, dueDays: Int? = nil) {
        self.subjectID = subjectID
        self.kind = kind
        self.requester = requester
        self.relativeReference = relativeReference
        self.purpose = purpose
        self.recordID = recordID
        self.corrections = corrections
        self.recipient = recipient
        self.dueDays = dueDays
    }
}

/// What completing or refusing a request produced: the request as it now
/// stands, the signed receipt, and the signed document delivered (report, export, explanation).
public struct RequestOutcome: Sendable {
    /// The request after the change.
    public var request: RightsRequest
    /// The signed receipt: what was done, when, under which article.
    public var receipt: String
    /// The signed document delivered to the requester, where the right produces one.
    public var document: String?
}
