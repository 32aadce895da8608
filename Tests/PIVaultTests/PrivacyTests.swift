import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("No personal data at rest in plaintext, in logs or in errors (PIPL Art. 51)")
struct PrivacyTests {
    @Test("Art. 51: the raw SQLite file holds no collected value in plaintext")
    func noPlaintextAtRest() async throws {
        let test = try await TestVault.make(.sqlite)
        let receipt = try await test.collectPerson()
        _ = try await test.vault.findSubjects(by: .mobile, value: "13800138000")
        try await test.vault.close()
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: test.directory + "/vault.sqlite" + suffix) { bytes += data }
        }
        #expect(bytes.count > 0)
        for value in TestVault.personalValues + ["+8613800138000"] {
            #expect(bytes.range(of: Data(value.utf8)) == nil, "a collected value is stored in plaintext")
        }
        #expect(bytes.range(of: Data(receipt.subjectID.utf8)) != nil, "sanity: pseudonymous ids are stored")
        await test.cleanUp()
    }

    @Test("Logs and error messages never contain collected values", arguments: TestEngine.available)
    func noPersonalDataInLogsOrErrors(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        _ = try await test.read(receipt.subjectID)
        _ = try await test.read(receipt.subjectID, role: "support")
        var errors: [String] = []
        var bad = TestVault.person
        bad["resident_id"] = .string("11010519491231002Y")
        do { _ = try await test.collectPerson(bad) } catch { errors.append(String(describing: error)) }
        bad = TestVault.person
        bad["mobile"] = .string("1111111")
        do { _ = try await test.collectPerson(bad) } catch { errors.append(String(describing: error)) }
        bad = TestVault.person
        bad["unknown_field"] = .string("张三丰")
        do { _ = try await test.collectPerson(bad) } catch { errors.append(String(describing: error)) }
        do { _ = try await test.vault.findSubjects(by: .residentID, value: "11010519491231002Y") } catch { errors.append(String(describing: error)) }
        try await test.vault.store.write { try await $0.overwriteCiphertext(subjectID: receipt.subjectID, recordID: receipt.recordID, field: "name", with: Data(repeating: 1, count: 40)) }
        let tampered = try await test.read(receipt.subjectID)
        errors += tampered.integrityFailures.map(\.message)
        _ = try await test.vault.erase(receipt.subjectID)
        do { _ = try await test.read(receipt.subjectID) } catch { errors.append(String(describing: error)) }
        #expect(errors.count == 6)
        let logs = test.logs.all
        #expect(!logs.isEmpty)
        for value in TestVault.personalValues + ["+8613800138000", "11010519491231002Y", "1111111"] {
            for line in logs + errors {
                #expect(!line.contains(value), "personal data leaked: \(line.prefix(80))")
            }
        }
    }
}
