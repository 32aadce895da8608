import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Collect and purpose-bound read, on every engine (PIPL Art. 6, 13, 28, 51)")
struct CollectAndReadTests {
    @Test("Collected values come back normalised, masked where the purpose says, sensitive fields reported", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        #expect(receipt.newSubject && receipt.subjectID.hasPrefix("sub_"))
        let result = try await test.read(receipt.subjectID)
        #expect(result.decision.outcome == .permit)
        let record = try #require(result.records.first)
        #expect(record.values["mobile"] == .string("+8613800138000"))
        #expect(record.values["name"] == .string("张三丰"))
        #expect(record.values["travel_history"] == .array([.string("武汉"), .string("北京")]))
        #expect(record.values["resident_id"] == nil)
        #expect(record.masked["resident_id"] == "110105********002X")
        #expect(result.decision.sensitive.contains("health_declaration"))
        #expect(result.decision.sensitive.contains("resident_id"))
    }

    @Test("Art. 6: fields outside the purpose are denied by name and never decrypted", arguments: TestEngine.available)
    func neverDecrypted(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", values: [
            "name": .string("李四"), "resident_id": .string("11010519491231002X"), "date_of_birth": .string("1949-12-31"), "vaccination_status": .string("full"),
        ]))
        // Corrupt a field the support role's purpose cannot see: if it were decrypted, an integrity failure would surface.
        try await test.vault.store.write { try await $0.overwriteCiphertext(subjectID: receipt.subjectID, recordID: receipt.recordID, field: "vaccination_status", with: Data(repeating: 7, count: 40)) }
        let result = try await test.read(receipt.subjectID, purpose: "vaccination-record", role: "clinic-staff", fields: ["name", "mobile"])
        #expect(result.decision.denials.map(\.description) == ["denied: purpose 'vaccination-record' does not cover field 'mobile' (PIPL Art. 6)"])
        #expect(result.integrityFailures.isEmpty)
        #expect(result.records.first?.values == ["name": .string("李四")])
    }

    @Test("Art. 51: a role not granted the purpose reads nothing", arguments: TestEngine.available)
    func roleDenied(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let result = try await test.read(receipt.subjectID, role: "support")
        #expect(result.decision.outcome == .deny)
        #expect(result.records.isEmpty)
        #expect(result.decision.denials.first?.article == "PIPL Art. 51")
    }

    @Test("Art. 6: a record with an unknown field is rejected whole and nothing is stored", arguments: TestEngine.available)
    func unknownFieldRejected(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        var values = TestVault.person
        values["blood_type"] = .string("AB")
        await #expect { try await test.collectPerson(values) } throws: { error in
            (error as? VaultError)?.message.contains("'blood_type'") == true
        }
        let counts = try await test.vault.store.read { try await $0.counts() }
        #expect(counts.subjects == 0 && counts.records == 0)
    }

    @Test("Art. 6: a field the purpose does not need is refused at collection", arguments: TestEngine.available)
    func unneededFieldRejected(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        var values = TestVault.person
        values["vaccination_status"] = .string("full")
        await #expect(throws: VaultError.self) { try await test.collectPerson(values) }
    }

    @Test("A batch is stored whole or not at all", arguments: TestEngine.available)
    func batchAtomic(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let good = Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: TestVault.person)
        var badValues = TestVault.person
        badValues["mobile"] = .string("12")
        let bad = Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: badValues)
        await #expect(throws: VaultError.self) { try await test.vault.collect(batch: [good, good, bad]) }
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 0)
        let receipts = try await test.vault.collect(batch: [good, good])
        #expect(Set(receipts.map(\.subjectID)).count == 2)
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 2)
    }

    @Test("A tampered ciphertext is reported by field; the other fields stay readable", arguments: TestEngine.available)
    func tamperedField(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let other = try await test.collectPerson()
        // Move another record's sealed mobile into this record: it must fail to open.
        let moved = try await test.vault.store.read { session in
            try await session.sealedFields(subjectID: other.subjectID, standards: ["epidemic-registration"], fields: ["mobile"]).first!.ciphertext
        }
        try await test.vault.store.write { try await $0.overwriteCiphertext(subjectID: receipt.subjectID, recordID: receipt.recordID, field: "mobile", with: moved) }
        let result = try await test.read(receipt.subjectID)
        #expect(result.integrityFailures.map(\.field) == ["mobile"])
        #expect(result.integrityFailures.first?.message.contains("mobile") == true)
        #expect(result.records.first?.values["name"] == .string("张三丰"))
        #expect(result.records.first?.values["mobile"] == nil)
    }

    @Test("Records added to an existing subject are read together; unknown subjects are not found", arguments: TestEngine.available)
    func existingSubject(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.vault.addSubject()
        _ = try await test.vault.collect(Submission(standard: "venue-checkin", purpose: "contact-tracing", subjectID: subject, values: [
            "visitor_code": .string("V-001"), "venue": .string("汉口火车站"), "checked_in_at": .string("2022-04-01T08:00:00+08:00"),
        ]))
        _ = try await test.vault.collect(Submission(standard: "venue-checkin", purpose: "contact-tracing", subjectID: subject, values: [
            "visitor_code": .string("V-001"), "venue": .string("江汉路"), "checked_in_at": .string("2022-04-01T09:00:00+08:00"),
        ]))
        let result = try await test.read(subject, fields: ["venue"])
        #expect(result.records.count == 2)
        await #expect { try await test.read("sub_doesnotexist") } throws: { ($0 as? VaultError)?.code == .notFound }
        await #expect { try await test.vault.collect(Submission(standard: "venue-checkin", purpose: "contact-tracing", subjectID: "sub_missing", values: ["visitor_code": .string("x"), "venue": .string("y"), "checked_in_at": .string("2022-04-01T09:00:00Z")])) } throws: { ($0 as? VaultError)?.code == .notFound }
    }
}
