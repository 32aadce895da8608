import Foundation
import Logging
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import SQLKit

@Suite("Master keys: check values, rotation, retirement (PIPL Art. 51)")
struct KeyManagementTests {
    @Test("A vault opened with the wrong master key refuses and changes nothing", arguments: TestEngine.available)
    func wrongKey(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let before = try await test.vault.store.read { try await $0.keyVersions() }
        let wrong = try Keyring([MasterKey.generate(version: 1)])
        await #expect { try await TestVault.openVault(location: test.location, keyring: wrong, clock: test.clock, logger: test.logs.logger()) } throws: { error in
            let error = error as! VaultError
            return error.code == .keyMismatch && error.message.contains("Nothing was changed")
        }
        let wrongVersion = try Keyring([MasterKey.generate(version: 5)])
        await #expect(throws: VaultError.self) { try await TestVault.openVault(location: test.location, keyring: wrongVersion, clock: test.clock, logger: test.logs.logger()) }
        #expect(try await test.vault.store.read { try await $0.keyVersions() } == before)
        #expect(try await test.read(receipt.subjectID).records.count == 1)
    }

    @Test("A wrong master key leaves an older vault's schema as it was: its pending migrations wait for the right key", arguments: TestEngine.available)
    func wrongKeyBeforeMigrations(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        // The schema as migration 1 left it: migration 2 (the blind-index prefix) still to come.
        try await test.vault.store.engine.withDatabase { database in
            for statement in ["DROP INDEX blind_indexes_probe", "CREATE INDEX blind_indexes_lookup ON blind_indexes (kind, digest)",
                              "DELETE FROM schema_migrations WHERE version = 2"] {
                try await database.raw("\(unsafeRaw: statement)").run()
            }
        }
        func applied() async throws -> [Int] {
            try await test.vault.store.engine.withDatabase { try await $0.raw("SELECT version FROM schema_migrations ORDER BY version").all().map { try $0.decode(column: "version", as: Int.self) } }
        }
        let before = try await applied()
        #expect(!before.contains(2))
        let wrong = try Keyring([MasterKey.generate(version: 1)])
        await #expect { try await TestVault.openVault(location: test.location, keyring: wrong, clock: test.clock, logger: test.logs.logger()) } throws: { error in
            (error as? VaultError)?.code == .keyMismatch
        }
        #expect(try await applied() == before)
        let reopened = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger())
        #expect(try await applied() == (before + [2]).sorted())
        #expect(try await reopened.findSubjects(by: .residentID, value: "11010519491231002X") == [receipt.subjectID])
        try await reopened.close()
    }

    @Test("An existing vault opened with no master key at all is refused, and no development key is made for it; a new vault gets one")
    func existingVaultWithoutKey() async throws {
        let folder = NSTemporaryDirectory() + "pivault-nokey-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(DemoConfiguration.yaml.utf8).write(to: URL(fileURLWithPath: folder + "/pivault.yaml"))
        func launcher(_ environment: [String: String]) -> VaultLauncher {
            VaultLauncher(configPath: folder + "/pivault.yaml", dataDirectory: folder, database: nil, masterKeyFile: nil, environment: environment)
        }
        let logger = Logger(label: "key-test")
        let created = try await launcher(["PIVAULT_MASTER_KEY": MasterKey.generate(version: 1).exportBase64()]).open(logger: logger, warn: { _ in })
        try await created.close()
        let developmentKey = folder + "/master.keys"
        await #expect { try await launcher([:]).open(logger: logger, warn: { _ in }) } throws: { error in
            let error = error as? VaultError
            return error?.code == .keyMismatch && error?.message.contains("no master key was given") == true && error?.message.contains("Nothing was changed") == true
        }
        #expect(!FileManager.default.fileExists(atPath: developmentKey))
        // A folder with no vault yet: the development key is generated, with a warning.
        try FileManager.default.removeItem(atPath: folder + "/vault.sqlite")
        var warnings: [String] = []
        let fresh = try await launcher([:]).open(logger: logger, warn: { warnings.append($0) })
        try await fresh.close()
        #expect(FileManager.default.fileExists(atPath: developmentKey) && warnings.contains { $0.contains("DEVELOPMENT key") })
    }

    @Test("Rotation re-wraps every data key without re-encrypting data; the old version can then be retired", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        var collected: [String] = []
        for _ in 0..<3 { collected.append(try await test.collectPerson().subjectID) }
        let subjects = collected
        let sealedBefore = try await test.vault.store.read { try await $0.sealedFields(subjectID: subjects[0], standards: ["epidemic-registration"], fields: ["name"]) }
        await #expect { try await test.vault.retire(version: 1) } throws: { ($0 as? VaultError)?.code == .conflict }
        let newKey = MasterKey.generate(version: 2)
        let report = try await test.vault.rotate(to: newKey)
        #expect(report.rewrapped == 3 && report.activeVersion == 2)
        let sealedAfter = try await test.vault.store.read { try await $0.sealedFields(subjectID: subjects[0], standards: ["epidemic-registration"], fields: ["name"]) }
        #expect(sealedBefore.map(\.ciphertext) == sealedAfter.map(\.ciphertext))
        #expect(try await test.vault.store.read { try await $0.subjectKeyCounts() } == [2: 3])
        try await test.vault.retire(version: 1)
        #expect(try await test.read(subjects[1]).records.first?.values["name"] == .string("张三丰"))
        // Reopening with only the new key works, and lookups survive rotation (the index key was re-wrapped).
        let reopened = try await TestVault.openVault(location: test.location, keyring: try Keyring([newKey]), clock: test.clock, logger: test.logs.logger())
        #expect(try await reopened.findSubjects(by: .mobile, value: "13800138000").count == 3)
        try await reopened.close()
        await #expect { try await test.vault.rotate(to: MasterKey.generate(version: 2)) } throws: { ($0 as? VaultError)?.code == .conflict }
    }

    @Test("Opening without a version that still wraps keys is refused")
    func missingVersion() async throws {
        let test = try await TestVault.make(.sqlite)
        defer { Task { await test.finish() } }
        _ = try await test.collectPerson()
        _ = try await test.vault.rotate(to: MasterKey.generate(version: 2))
        _ = try await test.vault.addSubject()
        // Version 1 wraps nothing now; a keyring without version 2 must be refused.
        await #expect { try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger()) } throws: { error in
            (error as? VaultError)?.message.contains("version(s) 2") == true
        }
    }
}
