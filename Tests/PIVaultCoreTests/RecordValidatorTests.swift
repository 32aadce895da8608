import Foundation
import Testing
@testable import PIVaultCore

@Suite("Record validation against a collection standard (PIPL Art. 6)")
struct RecordValidatorTests {
    let validator = RecordValidator(standard: Fixtures.registration, today: Fixtures.now)

    @Test("Values are normalised: E.164 mobiles, uppercase X, ISO dates in UTC, lists, integers, booleans")
    func normalisation() throws {
        let record = try validator.validate([
            "name": .string("张三"), "resident_id": .string("110105 19491231 002x"), "mobile": .string("138-0013-8000"),
            "date_of_birth": .string("1949-12-31"), "seen_at": .string("2022-04-01T08:30:00+08:00"),
            "places": .string("武汉; 北京"), "visits": .string("3"), "consented": .string("TRUE"), "email": .string("Li@Example.CN"),
        ])
        #expect(record.values["resident_id"] == .string("11010519491231002X"))
        #expect(record.values["mobile"] == .string("+8613800138000"))
        #expect(record.values["seen_at"] == .string("2022-04-01T00:30:00Z"))
        #expect(record.values["places"] == .array([.string("武汉"), .string("北京")]))
        #expect(record.values["visits"] == .number(3))
        #expect(record.values["consented"] == .bool(true))
        #expect(record.values["email"] == .string("Li@example.cn"))
    }

    @Test("Art. 6: unknown fields are rejected by name, before any format check")
    func unknownFields() {
        #expect {
            try validator.validate(["name": .string("x"), "resident_id": .string("bad"), "blood_type": .string("A"), "religion": .string("x")])
        } throws: { error in
            let error = error as! VaultError
            return error.message.contains("'blood_type', 'religion'") && error.article == "PIPL Art. 6" && error.fieldPath == "blood_type"
        }
    }

    @Test("Errors name the field and the rule, never the value")
    func errorsCarryNoValues() throws {
        let secret = "110105194912310021"
        do {
            _ = try validator.validate(["name": .string("王五"), "resident_id": .string(secret)])
            Issue.record("an invalid check character must be refused")
        } catch {
            #expect(error.fieldPath == "resident_id")
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("王五"))
        }
    }

    @Test("Formats are enforced", arguments: [
        ("mobile", JSONValue.string("12345")), ("date_of_birth", .string("1949-02-30")), ("seen_at", .string("yesterday")),
        ("status", .string("partial")), ("visits", .number(1.5)), ("consented", .string("yes")), ("email", .string("a@b")),
        ("name", .number(1)), ("places", .array([.number(1)])),
    ])
    func formats(field: String, value: JSONValue) {
        var submission: [String: JSONValue] = ["name": .string("x"), "resident_id": .string("11010519491231002X")]
        submission[field] = value
        #expect(throws: VaultError.self) { try validator.validate(submission) }
    }

    @Test("Required fields must be present")
    func required() {
        #expect(throws: VaultError.self) { try validator.validate(["name": .string("x")]) }
    }
}
