import Foundation

/// What the policy needs to know beyond the request: the subject's consents,
/// the declared emergencies, and the time.
public struct PolicyContext: Sendable {
    /// The subject's consents.
    public var consents: [Consent]
    /// Declared emergencies.
    public var emergencies: [Emergency]
    /// The instant of the decision (from the injected clock).
    public var now: Date
    /// The current notice version of each purpose; a consent given to another version no longer permits reads (PIPL Art. 14).
    public var noticeVersions: [String: String]
    /// The purposes with an impact assessment recorded for their current
    /// definition; a purpose that needs one and is not here is refused (PIPL Art. 55).
    public var assessedPurposes: Set<String>

    /// Creates a context.
    public init(consents: [Consent], emergencies: [Emergency], now: Date, noticeVersions: [String: String] = [:], assessedPurposes: Set<String> = []) {
        self.consents = consents
        self.emergencies = emergencies
        self.now = now
        self.noticeVersions = noticeVersions
        self.assessedPurposes = assessedPurposes
    }
}
