import Foundation
import TransparencyLog

/// Every logged event about one subject, each provable against a signed checkpoint.
public struct AccessHistory: Sendable {
    /// One event with its place in the log.
    public struct Entry: Sendable {
        /// The leaf index.
        public var index: UInt64
        /// Who, role, when, purpose, fields, decision.
        public var event: LogEvent
        /// The inclusion proof against ``AccessHistory/checkpoint`` (with the event bytes), for `pivault log verify`.
        public var proof: InclusionProofFile
    }

    /// The subject.
    public var subjectID: String
    /// The commitment that stands for the subject in the public log.
    public var commitment: String
    /// The signed checkpoint every proof is against.
    public var checkpoint: String
    /// The log's verifier key.
    public var verifierKey: String
    /// The events, oldest first.
    public var entries: [Entry]
}
