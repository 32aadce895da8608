import Foundation
import PIVaultCore

/// What a purpose-bound read returns: the decision and, record by record,
/// only the values it permits.
public struct AccessResult: Sendable {
    /// One record as the purpose may see it.
    public struct RecordView: Sendable, Hashable {
        /// Record id.
        public var recordID: String
        /// Collection standard.
        public var standard: String
        /// When it was collected.
        public var collectedAt: Date
        /// Permitted values in clear.
        public var values: [String: JSONValue]
        /// Masked display forms.
        public var masked: [String: String]
    }

    /// A field that could not be opened: its ciphertext failed authentication.
    public struct IntegrityFailure: Sendable, Hashable {
        /// Record id.
        public var recordID: String
        /// Field path.
        public var field: String
        /// What failed and what to do.
        public var message: String
    }

    /// The policy decision.
    public var decision: AccessDecision
    /// The records, oldest first.
    public var records: [RecordView]
    /// Fields that failed their integrity check; other fields are still returned.
    public var integrityFailures: [IntegrityFailure]
    /// The transparency-log leaf recording this read, for the subject to verify later.
    public var logIndex: UInt64? = nil
}
