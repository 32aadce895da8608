import Foundation
import TransparencyLog

/// The JSON form of an access history, the same for the API and `pivault log
/// history --json`: the subject, its commitment, the signed checkpoint and
/// verifier key, and each event with its leaf index and inclusion proof.
extension AccessHistory: Encodable {
    private enum Keys: String, CodingKey { case subject, commitment, checkpoint, verifierKey, events }
    private enum EventKeys: String, CodingKey { case index, type, time, actor, role, purpose, fields, decision, detail, proof }

    /// Encodes the history in that form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(subjectID, forKey: .subject)
        try container.encode(commitment, forKey: .commitment)
        try container.encode(checkpoint, forKey: .checkpoint)
        try container.encode(verifierKey, forKey: .verifierKey)
        var events = container.nestedUnkeyedContainer(forKey: .events)
        for entry in entries {
            var event = events.nestedContainer(keyedBy: EventKeys.self)
            try event.encode(entry.index, forKey: .index)
            try event.encode(entry.event.kind.rawValue, forKey: .type)
            try event.encode(entry.event.time, forKey: .time)
            try event.encode(entry.event.actor, forKey: .actor)
            try event.encode(entry.event.role, forKey: .role)
            try event.encodeIfPresent(entry.event.purpose, forKey: .purpose)
            try event.encode(entry.event.fields, forKey: .fields)
            try event.encode(entry.event.decision, forKey: .decision)
            try event.encodeIfPresent(entry.event.detail, forKey: .detail)
            try event.encode(entry.proof, forKey: .proof)
        }
    }
}
