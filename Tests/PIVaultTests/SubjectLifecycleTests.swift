import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Blind-index lookup and erasure (PIPL Art. 47)")
struct SubjectLifecycleTests {
    @Test("A subject is found by resident ID or mobile in any spelling, through the blind index", arguments: TestEngine.available)
    func find(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        #expect(try await test.vault.findSubjects(by: .residentID, value: "11010519491231002x") == [receipt.subjectID])
        #expect(try await test.vault.findSubjects(by: .mobile, value: "+86 138-0013-8000") == [receipt.subjectID])
        #expect(try await test.vault.findSubjects(by: .mobile, value: "13900139000").isEmpty)
        await #expect(throws: VaultError.self) { try await test.vault.findSubjects(by: .residentID, value: "110105194912310021") }
    }

    @Test("Art. 47: erasure destroys the data key first, then the rows; later reads answer 'erased'", arguments: TestEngine.available)
    func erase(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let keep = try await test.collectPerson()
        let erasure = try await test.vault.erase(receipt.subjectID)
        #expect(erasure.recordsDeleted == 1)
        let row = try await test.vault.store.read { try await $0.subjectKey(receipt.subjectID) }
        #expect(row?.wrappedKey == nil && row?.erasedAt != nil)
        await #expect { try await test.read(receipt.subjectID) } throws: { ($0 as? VaultError)?.code == .erased }
        #expect(try await test.vault.findSubjects(by: .mobile, value: "13800138000") == [keep.subjectID])
        #expect(try await test.read(keep.subjectID).records.count == 1)
        #expect(try await test.vault.erase(receipt.subjectID).recordsDeleted == 0)
    }
}
