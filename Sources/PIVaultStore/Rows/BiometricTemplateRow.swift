import Foundation

/// A stored biometric template: where it came from and, when fetched for a
/// match or the subject's own export, its sealed values.
public struct BiometricTemplateRow: Sendable, Hashable {
    /// The subject.
    public var subjectID: String
    /// The template's id.
    public var templateID: String
    /// The record it was collected with.
    public var recordID: String
    /// The collection standard.
    public var standard: String
    /// The field of the standard.
    public var field: String
    /// The purpose of collection.
    public var purpose: String
    /// The modality (`face`, `fingerprint`, `voiceprint`, `iris`).
    public var modality: String
    /// The number of values.
    public var dimensions: Int
    /// Whether it was derived from a raw capture the vault then discarded.
    public var derivedFromRaw: Bool
    /// When it was collected.
    public var collectedAt: Date
    /// When it must be deleted.
    public var retainUntil: Date
    /// The values sealed under the subject's biometric key; nil when only the summary was fetched.
    public var ciphertext: Data?

    /// Creates a row.
    public init(subjectID: String, templateID: String, recordID: String, standard: String, field: String, purpose: String, modality: String,
                dimensions: Int, derivedFromRaw: Bool, collectedAt: Date, retainUntil: Date, ciphertext: Data?) {
        self.subjectID = subjectID
        self.templateID = templateID
        self.recordID = recordID
        self.standard = standard
        self.field = field
        self.purpose = purpose
        self.modality = modality
        self.dimensions = dimensions
        self.derivedFromRaw = derivedFromRaw
        self.collectedAt = collectedAt
        self.retainUntil = retainUntil
        self.ciphertext = ciphertext
    }
}
