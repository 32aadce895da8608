import Foundation

/// A recorded personal-information protection impact assessment (PIPL Art. 55–56).
public struct AssessmentRow: Sendable, Hashable, Codable {
    /// Stable id.
    public var id: String
    /// The purpose assessed.
    public var purpose: String
    /// The version of the purpose's definition the assessment covers; a changed purpose needs a new one.
    public var definitionVersion: String
    /// What is processed, and how (Art. 56(1)).
    public var processing: String
    /// The risks to people's rights and interests (Art. 56(2)).
    public var risks: String
    /// The protective measures, and why they are lawful, effective and proportionate (Art. 56(3)).
    public var measures: String
    /// The assessor's conclusion.
    public var conclusion: AssessmentConclusion
    /// Who assessed.
    public var assessor: String
    /// The day of the assessment, ISO 8601.
    public var assessedOn: String
    /// When the vault recorded it.
    public var recordedAt: Date
    /// Kept at least until then (Art. 56: three years).
    public var keepUntil: Date
    /// Who recorded it (an API token id or the command line).
    public var recordedBy: String

    /// Creates a row.
    public init(id: String, purpose: String, definitionVersion: String, processing: String, risks: String, measures: String, conclusion: AssessmentConclusion,
                assessor: String, assessedOn: String, recordedAt: Date, keepUntil: Date, recordedBy: String) {
        self.id = id
        self.purpose = purpose
        self.definitionVersion = definitionVersion
        self.processing = processing
        self.risks = risks
        self.measures = measures
        self.conclusion = conclusion
        self.assessor = assessor
        self.assessedOn = assessedOn
        self.recordedAt = recordedAt
        self.keepUntil = keepUntil
        self.recordedBy = recordedBy
    }
}

/// An assessment's conclusion: only the first two let the purpose be used.
public enum AssessmentConclusion: String, Sendable, Hashable, Codable, CaseIterable {
    /// The processing may go ahead as defined.
    case acceptable
    /// The processing may go ahead with the measures stated.
    case acceptableWithMeasures = "acceptable-with-measures"
    /// The processing must not go ahead.
    case notAcceptable = "not-acceptable"

    /// Whether the conclusion lets the purpose be used.
    public var permitsProcessing: Bool { self != .notAcceptable }
}
