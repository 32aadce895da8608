import Foundation

/// The record of processing activities for the protection officer and
/// auditors (PIPL Art. 54; Art. 52, 55–57 in its sections): what is
/// processed, why, on which basis, for how long, given to whom, and how
/// much — counts only, never a personal value — with the latest signed
/// checkpoint of the transparency log so it can be checked against the log.
public struct ProcessingReport: Sendable, Codable, Hashable {
    /// The handler.
    public struct HandlerSection: Sendable, Codable, Hashable {
        /// Name.
        public var name: String
        /// Contact.
        public var contact: String
        /// Protection officer (Art. 52).
        public var officer: String?
    }

    /// A collection standard.
    public struct StandardSection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// Title.
        public var title: String
        /// Fields as `name (category[, sensitive])`.
        public var fields: [FieldSection]
    }

    /// A field of a standard.
    public struct FieldSection: Sendable, Codable, Hashable {
        /// Field name.
        public var name: String
        /// Category id.
        public var category: String
        /// Whether the category is sensitive (Art. 28).
        public var sensitive: Bool
    }

    /// A data category in use.
    public struct CategorySection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// English name.
        public var name: String
        /// Chinese name.
        public var nameZH: String
        /// Whether it is sensitive (Art. 28).
        public var sensitive: Bool
    }

    /// A purpose.
    public struct PurposeSection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// Title.
        public var title: String
        /// Legal basis.
        public var basis: String
        /// The Art. 13 clause.
        public var basisArticle: String
        /// Categories processed.
        public var categories: [String]
        /// Sensitive categories processed.
        public var sensitiveCategories: [String]
        /// Recipients.
        public var recipients: [String]
        /// Retention period.
        public var retention: String
        /// Whether it is necessary for the service (Art. 16).
        public var necessary: Bool
        /// Whether the purpose rests on consent that must be separate (Art. 23, 25, 29, 39).
        public var separateConsent: Bool
        /// Subjects with records collected for it.
        public var subjects: Int
        /// Live consents.
        public var liveConsents: Int
        /// Withdrawn consents.
        public var withdrawnConsents: Int
    }

    /// A recipient.
    public struct RecipientSection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// Name.
        public var name: String
        /// `handler` or `processor`.
        public var kind: String
        /// Country, when abroad.
        public var country: String?
        /// Transfer mechanism, when abroad.
        public var mechanism: String?
        /// Contract period, for a processor.
        public var contract: String?
        /// Whether the contract is in force.
        public var contractInForce: Bool?
        /// Purposes that give it data.
        public var purposes: [String]
    }

    /// An emergency.
    public struct EmergencySection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// Name.
        public var name: String
        /// Legal instrument.
        public var legalReference: String
        /// Purposes covered.
        public var purposes: [String]
        /// Start.
        public var startsAt: Date
        /// End.
        public var endsAt: Date?
    }

    /// An incident.
    public struct IncidentSection: Sendable, Codable, Hashable {
        /// Id.
        public var id: String
        /// Summary.
        public var summary: String
        /// When it happened.
        public var occurredAt: Date
        /// Categories involved.
        public var categories: [String]
        /// People affected.
        public var affected: Int
        /// When notices were produced.
        public var notifiedAt: Date?
        /// Why the people affected were not notified (Art. 57(2)), if they were not.
        public var individualsExemption: String?
    }

    /// A purpose's impact-assessment state (Art. 55–56).
    public struct AssessmentSection: Sendable, Codable, Hashable {
        /// Purpose id.
        public var purpose: String
        /// Why it needs an assessment; empty when it needs none.
        public var grounds: [String]
        /// Whether it may be used now.
        public var active: Bool
        /// The assessment covering its current definition, if any.
        public var assessment: String?
        /// That assessment's conclusion.
        public var conclusion: String?
        /// Who assessed.
        public var assessor: String?
        /// When.
        public var assessedOn: String?
        /// Kept at least until (Art. 56: three years).
        public var keepUntil: Date?
    }

    /// When the report was produced.
    public var generatedAt: Date
    /// The handler.
    public var handler: HandlerSection
    /// Subjects held (not erased).
    public var subjects: Int
    /// Collection standards.
    public var standards: [StandardSection]
    /// Purposes.
    public var purposes: [PurposeSection]
    /// Categories in use, sensitive ones marked.
    public var categories: [CategorySection]
    /// Recipients.
    public var recipients: [RecipientSection]
    /// Emergencies declared.
    public var emergencies: [EmergencySection]
    /// Incidents recorded.
    public var incidents: [IncidentSection]
    /// Impact assessments per purpose (Art. 55–56).
    public var assessments: [AssessmentSection]
    /// Open rights requests by type.
    public var openRightsRequests: [String: Int]
    /// Anomaly alerts raised.
    public var anomalyAlerts: Int
    /// Actors suspended now.
    public var suspendedActors: Int
    /// The latest signed checkpoint of the transparency log (C2SP signed note).
    public var logCheckpoint: String
    /// Biometric templates held and whether a filing with the authority is due (PIPL Art. 28).
    public var biometrics: BiometricFiling?
}
