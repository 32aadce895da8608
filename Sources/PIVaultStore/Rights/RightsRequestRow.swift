import Foundation

/// A stored rights request (PIPL Art. 44–50). Holds ids, types, states and
/// rules; values a correction asks for live only in `payload`, sealed under the
/// subject's data key.
public struct RightsRequestRow: Sendable, Hashable {
    /// Request id.
    public var id: String
    /// The subject the request is about.
    public var subjectID: String
    /// Request type (`access`, `copy`, …).
    public var type: String
    /// Status (`received`, `verifying`, `in_progress`, `completed`, `refused`).
    public var status: String
    /// Who asked: `subject` or `relative` (Art. 49).
    public var requester: String
    /// For a relative: a reference to the proof of kinship and interest, never a personal value.
    public var relativeReference: String?
    /// The purpose a withdrawal or restriction is about, where one is named.
    public var purpose: String?
    /// The record a correction is about.
    public var recordID: String?
    /// Sealed request details (the corrected values), or nil.
    public var payload: Data?
    /// When it was received.
    public var createdAt: Date
    /// When it must be answered.
    public var dueAt: Date
    /// When its status last changed.
    public var updatedAt: Date
    /// Who handled it last (a staff id or token name).
    public var handler: String?
    /// Why it was refused (Art. 50).
    public var refusalReason: String?
    /// The rule a refusal rests on.
    public var refusalArticle: String?
    /// The signed receipt of its completion or refusal.
    public var receipt: String?

    /// Creates a row.
    public init(id: String, subjectID: String, type: String, status: String, requester: String, relativeReference: String?, purpose: String?,
                recordID: String?, payload: Data?, createdAt: Date, dueAt: Date, updatedAt: Date, handler: String?,
                refusalReason: String? = nil, refusalArticle: String? = nil, receipt: String? = nil) {
        self.id = id
        self.subjectID = subjectID
        self.type = type
        self.status = status
        self.requester = requester
        self.relativeReference = relativeReference
        self.purpose = purpose
        self.recordID = recordID
        self.payload = payload
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.updatedAt = updatedAt
        self.handler = handler
        self.refusalReason = refusalReason
        self.refusalArticle = refusalArticle
        self.receipt = receipt
    }
}

/// One status change of a rights request: when, to what, by whom, and why.
public struct RequestEventRow: Sendable, Hashable, Codable {
    /// When.
    public var at: Date
    /// The status entered.
    public var status: String
    /// Who made the change (`subject-token`, a staff id).
    public var actor: String
    /// A note without personal data.
    public var note: String?

    /// Creates an event.
    public init(at: Date, status: String, actor: String, note: String?) {
        self.at = at
        self.status = status
        self.actor = actor
        self.note = note
    }
}

/// A record restricted to storage and protection (PIPL Art. 44, 47): every read is denied with `reason`.
public struct RestrictionRow: Sendable, Hashable, Codable {
    /// Subject.
    public var subjectID: String
    /// The record.
    public var recordID: String
    /// The request that restricted it.
    public var requestID: String
    /// Why reads are denied.
    public var reason: String
    /// The rule.
    public var article: String
    /// Since when.
    public var since: Date

    /// Creates a row.
    public init(subjectID: String, recordID: String, requestID: String, reason: String, article: String, since: Date) {
        self.subjectID = subjectID
        self.recordID = recordID
        self.requestID = requestID
        self.reason = reason
        self.article = article
        self.since = since
    }
}

/// A record's metadata with its collection time, for reports.
public struct RecordSummary: Sendable, Hashable {
    /// Record id.
    public var recordID: String
    /// Standard.
    public var standard: String
    /// Purpose of collection.
    public var purpose: String
    /// When collected.
    public var collectedAt: Date
    /// Retention deadline.
    public var retainUntil: Date

    /// Creates a summary.
    public init(recordID: String, standard: String, purpose: String, collectedAt: Date, retainUntil: Date) {
        self.recordID = recordID
        self.standard = standard
        self.purpose = purpose
        self.collectedAt = collectedAt
        self.retainUntil = retainUntil
    }
}
