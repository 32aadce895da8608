import Foundation
import PIVaultCore
import PIVaultStore

/// A breach notice (PIPL Art. 57): to the authority, or to one affected
/// person, in Chinese and English, stating the categories involved, the
/// cause, the possible harm, the remedies taken, what the person can do and
/// the handler's contact. Addressed by pseudonymous subject id; the text
/// holds no personal value.
public struct IncidentNotice: Sendable, Codable, Hashable {
    /// Incident id.
    public var incidentID: String
    /// Notice id: `authority` or `subject-<id>`.
    public var noticeID: String
    /// `authority` or `subject`.
    public var audience: String
    /// The subject, for a notice to a person.
    public var subjectID: String?
    /// Chinese text.
    public var textZH: String
    /// English text.
    public var textEN: String
    /// Delivery status: `pending`, `delivered` or `failed`.
    public var delivery: String
    /// Delivery attempts.
    public var attempts: Int
    /// When it was delivered.
    public var deliveredAt: Date?
    /// The article that requires it.
    public var article: String

    init(incident: IncidentRow, row: IncidentNoticeRow, configuration: VaultConfiguration) {
        incidentID = incident.id
        noticeID = row.noticeID
        audience = row.audience
        subjectID = row.subjectID
        let renderer = IncidentNoticeRenderer(incident: incident, configuration: configuration)
        textZH = row.audience == "authority" ? renderer.authorityZH : renderer.personZH
        textEN = row.audience == "authority" ? renderer.authorityEN : renderer.personEN
        delivery = row.deliveredAt != nil ? "delivered" : (row.attempts > 0 ? "failed" : "pending")
        attempts = row.attempts
        deliveredAt = row.deliveredAt
        article = "PIPL Art. 57"
    }
}
