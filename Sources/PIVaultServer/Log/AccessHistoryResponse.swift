import Foundation
import Hummingbird
import PIVault
import TransparencyLog

/// `GET /v1/subjects/{subject}/access-history`: every logged event about the
/// subject, each with its leaf index and inclusion proof against the checkpoint.
struct AccessHistoryResponse: ResponseEncodable, Sendable {
    struct Event: Encodable, Sendable {
        var index: UInt64
        var type: String
        var time: Date
        var actor: String
        var role: String
        var purpose: String?
        var fields: [String]
        var decision: String
        var detail: String?
        var proof: InclusionProofFile
    }

    var subject: String
    var commitment: String
    var checkpoint: String
    var verifierKey: String
    var events: [Event]

    init(_ history: AccessHistory) {
        subject = history.subjectID
        commitment = history.commitment
        checkpoint = history.checkpoint
        verifierKey = history.verifierKey
        events = history.entries.map { entry in
            Event(index: entry.index, type: entry.event.kind.rawValue, time: entry.event.time, actor: entry.event.actor, role: entry.event.role,
                  purpose: entry.event.purpose, fields: entry.event.fields, decision: entry.event.decision, detail: entry.event.detail, proof: entry.proof)
        }
    }
}
