import Foundation
import PIVaultCore

extension Vault {
    /// A consent receipt following the fields of the Kantara Initiative Consent
    /// Receipt Specification v1.1: jurisdiction, timestamp, collection method,
    /// receipt id, controller, purposes with their categories, sensitive flag and
    /// third parties. pivault's own facts (event, notice version, guardian) sit under `pivault`.
    func consentReceipt(id: String, event: String, subjectID: String, purposes: [Purpose], method: String, at instant: Date, guardian: Bool) -> JSONValue {
        let sensitiveCategories = Set(purposes.flatMap { purpose in
            configuration.sensitiveFields(of: purpose).compactMap { configuration.field($0, for: purpose)?.category }
        }).sorted()
        let services: [JSONValue] = purposes.map { purpose in
            let categories = Set(purpose.fields.compactMap { configuration.field($0, for: purpose)?.category }).sorted()
            return .object([
                "service": .string(purpose.title),
                "purposes": .array([.object([
                    "purpose": .string(purpose.description.isEmpty ? purpose.title : purpose.description),
                    "purposeCategory": .array([.string(purpose.id)]),
                    "consentType": .string("EXPLICIT"),
                    "piiCategory": .array(categories.map(JSONValue.string)),
                    "primaryPurpose": .bool(purpose.necessary),
                    "termination": .string("retention \(purpose.retention); consent can be withdrawn at any time (PIPL Art. 15)"),
                    "thirdPartyDisclosure": .bool(!purpose.recipients.isEmpty),
                    "thirdPartyName": .string(purpose.recipients.map { configuration.recipients[$0]?.name ?? $0 }.joined(separator: ", ")),
                ])]),
            ])
        }
        return .object([
            "version": .string("KI-CR-v1.1.0"),
            "jurisdiction": .string("CN"),
            "consentTimestamp": .number(instant.timeIntervalSince1970.rounded(.down)),
            "collectionMethod": .string(method),
            "consentReceiptID": .string(id),
            "publicKey": .string(signer.publicKeyBase64),
            "language": .string("zh-CN"),
            "piiPrincipalId": .string(subjectID),
            "piiControllers": .array([.object([
                "piiController": .string(configuration.handler.name),
                "contact": .string(configuration.handler.officer ?? configuration.handler.contact),
                "address": .string(""),
                "email": .string(configuration.handler.contact),
                "phone": .string(""),
            ])]),
            "policyUrl": .string(purposes.map { "pivault:notice/\($0.id)@\(notices.versions[$0.id] ?? "")" }.joined(separator: " ")),
            "services": .array(services),
            "sensitive": .bool(!sensitiveCategories.isEmpty),
            "spiCat": .array(sensitiveCategories.map(JSONValue.string)),
            "pivault": .object([
                "event": .string(event),
                "noticeVersions": .object(Dictionary(uniqueKeysWithValues: purposes.map { ($0.id, JSONValue.string(notices.versions[$0.id] ?? "")) })),
                "guardianConsent": .bool(guardian),
            ]),
        ])
    }
}
