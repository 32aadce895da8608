import Foundation
@testable import PIVaultCore

/// A small configuration shaped like the demo one, built in code.
enum Fixtures {
    static let registration = CollectionStandard(id: "registration", title: "Registration", fields: [
        FieldDefinition(name: "name", type: .text, category: "basic", required: true),
        FieldDefinition(name: "resident_id", type: .residentID, category: "identity", required: true),
        FieldDefinition(name: "mobile", type: .mobile, category: "contact"),
        FieldDefinition(name: "date_of_birth", type: .date, category: "basic"),
        FieldDefinition(name: "health", type: .text, category: "health"),
        FieldDefinition(name: "status", type: .enumeration(["none", "full"]), category: "health"),
        FieldDefinition(name: "seen_at", type: .dateTime, category: "location"),
        FieldDefinition(name: "places", type: .textList, category: "location"),
        FieldDefinition(name: "visits", type: .integer, category: "basic"),
        FieldDefinition(name: "consented", type: .boolean, category: "basic"),
        FieldDefinition(name: "email", type: .email, category: "contact"),
    ])

    static let configuration = VaultConfiguration(
        handler: Handler(name: "Test handler", contact: "privacy@test.example"),
        taxonomy: Taxonomy(),
        standards: [registration],
        purposes: [
            Purpose(id: "tracing", title: "Tracing", basis: .publicHealthEmergency, standards: ["registration"],
                    fields: ["name", "mobile", "resident_id", "health"], masked: ["resident_id"], retention: RetentionPeriod(value: 180, unit: .days)),
            Purpose(id: "records", title: "Records", basis: .statutoryDuty, standards: ["registration"],
                    fields: ["name", "date_of_birth", "status"], retention: RetentionPeriod(value: 5, unit: .years)),
            Purpose(id: "newsletter", title: "Newsletter", basis: .consent, standards: ["registration"],
                    fields: ["name", "mobile"], retention: RetentionPeriod(value: 1, unit: .years), necessary: false),
        ],
        roles: [
            Role(id: "epidemiologist", purposes: ["tracing"]),
            Role(id: "clinic", purposes: ["records"]),
            Role(id: "support", purposes: ["newsletter"]),
        ])

    static let now = ISODate.date(year: 2022, month: 4, day: 1)!
}
