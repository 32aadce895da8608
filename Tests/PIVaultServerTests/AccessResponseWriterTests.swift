import Foundation
@testable import PIVault
import PIVaultCore
@testable import PIVaultServer
import Testing

@Suite("The read and collect endpoints' bodies, written by hand (issue 3: POST /v1/subjects/{id}/access, POST /v1/records)")
struct AccessResponseWriterTests {
    static func result(logIndex: UInt64?) -> AccessResult {
        let decision = AccessDecision(
            outcome: .permit, permitted: ["name", "travel_history"], masked: ["mobile"],
            denials: [Denial(field: "resident_id", reason: "purpose does not cover field 'resident_id'", article: "PIPL Art. 6"),
                      Denial(field: nil, reason: "no consent", article: "PIPL Art. 14")],
            sensitive: ["health_declaration"], basis: .publicHealthEmergency)
        let values: [String: JSONValue] = [
            "name": .string("张三 \"quoted\" a/b back\\slash\nline\ttab\u{01}\u{08}\u{0C}"),
            "whole": .number(3), "fraction": .number(2.5), "negative": .number(-1e-7), "large": .number(1e20),
            "flag": .bool(true), "nothing": .null,
            "list": .array([.string("武汉"), .number(-1), .array([])]),
            "object": .object(["k": .string("v"), "empty": .object([:])]),
        ]
        return AccessResult(
            decision: decision,
            records: [.init(recordID: "rec_1", standard: "epidemic-registration", collectedAt: Date(timeIntervalSince1970: 1_764_408_248.75),
                            values: values, masked: ["mobile": "138****0000"]),
                      .init(recordID: "rec_2", standard: "venue-checkin", collectedAt: Date(timeIntervalSince1970: 0), values: [:], masked: [:])],
            integrityFailures: [.init(recordID: "rec_1", field: "address", message: "field 'address' failed its integrity check")],
            logIndex: logIndex)
    }

    /// What Hummingbird's default response encoder writes.
    static func encoded(_ response: AccessResponse) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(response)
    }

    @Test("Parses to the same document as the general encoder's, with and without optional members",
          arguments: [UInt64?.some(42), nil])
    func sameDocument(logIndex: UInt64?) throws {
        let response = AccessResponse(subject: "sub_1", purpose: "contact-tracing", result: Self.result(logIndex: logIndex))
        let written = try #require(JSONSerialization.jsonObject(with: Data(response.jsonBytes())) as? NSDictionary)
        let expected = try #require(JSONSerialization.jsonObject(with: Self.encoded(response)) as? NSDictionary)
        #expect(written == expected)
        #expect((written["logIndex"] != nil) == (logIndex != nil))
    }

    @Test("The collection receipt (POST /v1/records) parses to the same document as the general encoder's", arguments: [true, false])
    func receipt(newSubject: Bool) throws {
        let receipt = ReceiptResponse(CollectionReceipt(subjectID: "sub_1", recordID: "rec_\"2\"", retainUntil: Date(timeIntervalSince1970: 1_764_408_248.75), newSubject: newSubject))
        let written = try #require(JSONSerialization.jsonObject(with: Data(receipt.jsonBytes())) as? NSDictionary)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let expected = try #require(JSONSerialization.jsonObject(with: encoder.encode(receipt)) as? NSDictionary)
        #expect(written == expected)
        #expect(written["retainUntil"] as? String == "2025-11-29T09:24:08Z")
        #expect(written["newSubject"] as? Bool == newSubject)
    }

    @Test("Dates are ISO 8601 to the second, as the general encoder writes them")
    func dates() throws {
        let response = AccessResponse(subject: "sub_1", purpose: "p", result: Self.result(logIndex: nil))
        let text = String(decoding: response.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#""collectedAt":"2025-11-29T09:24:08Z""#))
        #expect(text.contains(#""collectedAt":"1970-01-01T00:00:00Z""#))
        #expect(String(decoding: try Self.encoded(response), as: UTF8.self).contains(#""2025-11-29T09:24:08Z""#))
    }

    @Test("Control characters, quotes and backslashes are escaped; other text is written as UTF-8")
    func escaping() throws {
        let response = AccessResponse(subject: "sub_1", purpose: "p", result: Self.result(logIndex: nil))
        let text = String(decoding: response.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#"张三 \"quoted\" a\/b back\\slash\nline\ttab\u0001\b\f"#))
        #expect(!text.contains("\u{01}"))
    }
}
