import Foundation
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

struct SubjectResponse: ResponseEncodable, Sendable {
    var subject: String
}

struct SearchResponse: ResponseEncodable, Sendable {
    var subjects: [String]
}

/// Written by hand (``JSONWriter``), like a read's response: collection is the
/// other hot endpoint. Members in declaration order, as the general encoder writes them.
struct ReceiptResponse: Encodable, HandWrittenJSONResponse {
    var subject: String
    var record: String
    var retainUntil: Date
    var newSubject: Bool

    init(_ receipt: CollectionReceipt) {
        subject = receipt.subjectID
        record = receipt.recordID
        retainUntil = receipt.retainUntil
        newSubject = receipt.newSubject
    }

    func jsonBytes() -> [UInt8] {
        var json = JSONWriter(capacity: 160)
        json.beginObject()
        json.key("subject"); json.string(subject)
        json.key("record"); json.string(record)
        json.key("retainUntil"); json.date(retainUntil)
        json.key("newSubject"); json.bool(newSubject)
        json.endObject()
        return json.bytes
    }
}

struct ErasureResponse: ResponseEncodable, Sendable {
    var subject: String
    var erasedAt: Date
    var recordsDeleted: Int
    var article: String

    init(_ receipt: ErasureReceipt) {
        subject = receipt.subjectID
        erasedAt = receipt.erasedAt
        recordsDeleted = receipt.recordsDeleted
        article = receipt.article
    }
}

struct ConsentResponse: ResponseEncodable, Sendable {
    var consent: String
    var subject: String
    var purpose: String
}

struct WithdrawalResponse: ResponseEncodable, Sendable {
    var subject: String
    var purpose: String
    var withdrawn: Int
    var recordsDeleted: Int
    var receipt: String
    var article: String
}

struct AccessResponse: Encodable, Sendable {
    struct DenialView: Encodable, Sendable {
        var field: String?
        var reason: String
        var article: String
    }

    struct RecordView: Encodable, Sendable {
        var record: String
        var standard: String
        var collectedAt: Date
        var values: [String: JSONValue]
        var masked: [String: String]
    }

    struct IntegrityView: Encodable, Sendable {
        var record: String
        var field: String
        var message: String
    }

    var subject: String
    var purpose: String
    var outcome: String
    var basis: String?
    var article: String?
    var permitted: [String]
    var masked: [String]
    var sensitive: [String]
    var denials: [DenialView]
    var records: [RecordView]
    var integrityFailures: [IntegrityView]
    var logIndex: UInt64?

    init(subject: String, purpose: String, result: AccessResult) {
        let decision = result.decision
        self.subject = subject
        self.purpose = purpose
        outcome = decision.outcome.rawValue
        basis = decision.basis?.rawValue
        article = decision.basis.map { "PIPL \($0.article)" }
        permitted = decision.permitted
        masked = decision.masked
        sensitive = decision.sensitive
        denials = decision.denials.map { DenialView(field: $0.field, reason: $0.reason, article: $0.article) }
        records = result.records.map { RecordView(record: $0.recordID, standard: $0.standard, collectedAt: $0.collectedAt, values: $0.values, masked: $0.masked) }
        integrityFailures = result.integrityFailures.map { IntegrityView(record: $0.recordID, field: $0.field, message: $0.message) }
        logIndex = result.logIndex
    }
}

/// A read's response is written by hand (``JSONWriter``): it is the hottest
/// response the server sends. Members appear in declaration order, as the
/// general encoder would write them; absent optionals are left out.
extension AccessResponse: HandWrittenJSONResponse {

    /// The response document.
    func jsonBytes() -> [UInt8] {
        var json = JSONWriter(capacity: 256 + records.count * 384)
        json.beginObject()
        json.key("subject"); json.string(subject)
        json.key("purpose"); json.string(purpose)
        json.key("outcome"); json.string(outcome)
        if let basis { json.key("basis"); json.string(basis) }
        if let article { json.key("article"); json.string(article) }
        json.key("permitted"); json.strings(permitted)
        json.key("masked"); json.strings(masked)
        json.key("sensitive"); json.strings(sensitive)
        json.key("denials")
        json.beginArray()
        for denial in denials {
            json.beginObject()
            if let field = denial.field { json.key("field"); json.string(field) }
            json.key("reason"); json.string(denial.reason)
            json.key("article"); json.string(denial.article)
            json.endObject()
        }
        json.endArray()
        json.key("records")
        json.beginArray()
        for record in records {
            json.beginObject()
            json.key("record"); json.string(record.record)
            json.key("standard"); json.string(record.standard)
            json.key("collectedAt"); json.date(record.collectedAt)
            json.key("values"); json.value(.object(record.values))
            json.key("masked")
            json.beginObject()
            for (field, shown) in record.masked { json.key(field); json.string(shown) }
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.key("integrityFailures")
        json.beginArray()
        for failure in integrityFailures {
            json.beginObject()
            json.key("record"); json.string(failure.record)
            json.key("field"); json.string(failure.field)
            json.key("message"); json.string(failure.message)
            json.endObject()
        }
        json.endArray()
        if let logIndex { json.key("logIndex"); json.integer(logIndex) }
        json.endObject()
        return json.bytes
    }
}

struct EmergencyResponse: ResponseEncodable, Sendable {
    var id: String
    var name: String
    var legalReference: String
    var purposes: [String]
    var region: String?
    var startsAt: Date
    var endsAt: Date?
    var active: Bool

    init(_ row: EmergencyRow, now: Date) {
        id = row.id
        name = row.name
        legalReference = row.legalReference
        purposes = row.purposes
        region = row.region
        startsAt = row.startsAt
        endsAt = row.endsAt
        active = row.startsAt <= now && (row.endsAt.map { now < $0 } ?? true)
    }
}

struct EmergencyList: ResponseEncodable, Sendable {
    var emergencies: [EmergencyResponse]
}

struct PrincipalResponse: ResponseEncodable, Sendable {
    var token: String
    var name: String
    var role: String
    var purposes: [String]
    var administrator: Bool
}

struct KeyStatusResponse: ResponseEncodable, Sendable {
    var status: VaultStatus
    func encode(to encoder: any Encoder) throws { try status.encode(to: encoder) }
}

struct RotationResponse: ResponseEncodable, Sendable {
    var activeVersion: Int
    var rewrapped: Int
}

struct HealthResponse: ResponseEncodable, Sendable {
    var status: String
    var checks: [String: String]?
    /// Biometric templates held and whether a filing is due; informational, never makes the server unready.
    var biometricFiling: BiometricFiling?
}
