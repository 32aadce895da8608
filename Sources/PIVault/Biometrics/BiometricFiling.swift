/// Whether the vault holds biometric information of so many people that a
/// filing with the authority is due (face-recognition measures Art. 15:
/// 100,000 people or more; the threshold is configurable).
public struct BiometricFiling: Sendable, Hashable, Codable {
    /// Distinct people whose templates are held.
    public var subjects: Int
    /// The number of people at which a filing is due.
    public var threshold: Int
    /// Whether a filing with the authority is due.
    public var filingDue: Bool
    /// What to do, for operators and auditors.
    public var message: String

    /// The filing state for `subjects` people against `threshold`.
    public init(subjects: Int, threshold: Int) {
        self.subjects = subjects
        self.threshold = threshold
        self.filingDue = subjects >= threshold
        self.message = filingDue
            ? "biometric templates of \(Self.people(subjects)) are held (threshold \(threshold)): a filing with the cyberspace authority is due (face-recognition measures Art. 15; PIPL Art. 28)"
            : "biometric templates of \(Self.people(subjects)) are held; a filing becomes due at \(Self.people(threshold))"
    }

    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }
}
