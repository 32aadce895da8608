import PIVaultStore

/// An impact assessment as its assessor submits it (PIPL Art. 56): what is
/// processed, the risks, the measures, and the conclusion.
public struct AssessmentDraft: Sendable, Hashable {
    /// The purpose assessed.
    public var purpose: String
    /// What is processed, and how.
    public var processing: String
    /// The risks to people's rights and interests.
    public var risks: String
    /// The protective measures.
    public var measures: String
    /// The conclusion.
    public var conclusion: AssessmentConclusion
    /// Who assessed.
    public var assessor: String
    /// The day of the assessment (ISO 8601 date); the day it is recorded when nil.
    public var assessedOn: String?

    /// Creates a draft.
    public init(purpose: String, processing: String, risks: String, measures: String, conclusion: AssessmentConclusion, assessor: String, assessedOn: String? = nil) {
        self.purpose = purpose
        self.processing = processing
        self.risks = risks
        self.measures = measures
        self.conclusion = conclusion
        self.assessor = assessor
        self.assessedOn = assessedOn
    }
}

/// Whether a purpose needs an impact assessment and whether it has a current one.
public struct AssessmentStatus: Sendable, Hashable, Codable {
    /// The purpose.
    public var purpose: String
    /// Why it needs one, with articles; empty when it needs none.
    public var grounds: [String]
    /// The version of its definition an assessment must cover.
    public var definitionVersion: String
    /// The assessment covering the current definition, if recorded.
    public var current: String?
    /// Whether the purpose may be used: it needs no assessment or has a current one that permits processing.
    public var active: Bool
}
