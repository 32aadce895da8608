import Foundation
import PIVaultCore

/// `POST /v1/records`: one record collected under a standard for a purpose.
struct CollectBody: StrictJSONObject {
    static let members: Set<String> = ["standard", "purpose", "subject", "values", "consentGiven"]
    var standard: String
    var purpose: String
    var subject: String?
    var values: [String: JSONValue]
    var consentGiven: Bool?

    init(_ members: JSONMembers) throws {
        standard = try members.string("standard")
        purpose = try members.string("purpose")
        subject = try members.optionalString("subject")
        values = try members.object("values")
        consentGiven = try members.optionalBool("consentGiven")
    }
}

/// `POST /v1/subjects/{subject}/access`: a purpose-bound read.
struct AccessBody: StrictJSONObject {
    static let members: Set<String> = ["purpose", "fields"]
    var purpose: String
    var fields: [String]?

    init(_ members: JSONMembers) throws {
        purpose = try members.string("purpose")
        fields = try members.optionalStrings("fields")
    }
}

/// `POST /v1/subjects/search`: an exact lookup through the blind index.
struct SearchBody: StrictDecodable {
    static let members: Set<String> = ["kind", "value"]
    var kind: String
    var value: String
}

/// `POST /v1/subjects/{subject}/consents`.
struct ConsentBody: StrictDecodable {
    static let members: Set<String> = ["purpose"]
    var purpose: String
}

/// `POST /v1/emergencies`.
struct EmergencyBody: StrictDecodable {
    static let members: Set<String> = ["name", "legalReference", "purposes", "region", "endsAt"]
    var name: String
    var legalReference: String
    var purposes: [String]
    var region: String?
    var endsAt: String?
}

/// `POST /v1/keys/rotate`: optional; `to` names a version supplied in PIVAULT_MASTER_KEY.
struct RotateBody: StrictDecodable {
    static let members: Set<String> = ["to"]
    var to: Int?
}

/// `POST /v1/subjects`: no members; a subject with its own data key.
struct EmptyBody: StrictDecodable {
    static let members: Set<String> = []
}
