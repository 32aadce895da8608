import Foundation
import SQLKit
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import TransparencyLog

/// The vault's transparency log, on every engine: each use of personal data
/// enters the log without personal data, and each subject can prove it.
@Suite("Vault transparency log (PIPL Art. 7, 44, 47; RFC 9162; C2SP tlog-checkpoint)")
struct TransparencyLogVaultTests {
    static func events(_ vault: Vault) async throws -> [(index: UInt64, subject: String?, event: LogEvent)] {
        let size = try await vault.store.read { try await $0.logState() }.leafCount
        return try await vault.store.read { try await $0.logEntries(range: 0..<size) }.map { ($0.index, $0.subject, try LogEvent(leafData: $0.data)) }
    }

    @Test("Art. 7, 44: collection, permitted and denied reads, consent grant and withdrawal, deletion and key rotation all enter the log", arguments: TestEngine.available)
    func everyUseIsLogged(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, yaml: LawConfiguration.yaml)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let permitted = try await test.read(receipt.subjectID)
        let denied = try await test.read(receipt.subjectID, role: "support")
        _ = try await test.vault.grantConsent(subjectID: receipt.subjectID, purpose: "research-sharing")
        _ = try await test.vault.withdrawConsent(subjectID: receipt.subjectID, purpose: "research-sharing")
        _ = try await test.vault.rotate(to: MasterKey.generate(version: 2))
        test.clock.advance(by: 10 * 366 * 86_400)
        let sweep = try await test.vault.sweepRetention()
        #expect(sweep.deleted == 1)

        let logged = try await Self.events(test.vault)
        let kinds = logged.map(\.event.kind)
        #expect(kinds.first == .configurationChange)
        for kind in [LogEvent.Kind.collection, .read, .consentGrant, .consentWithdrawal, .keyRotation, .retentionDeletion] {
            #expect(kinds.contains(kind), "no \(kind) event was logged")
        }
        // The read result carries its leaf, which records who, role, purpose, fields and the decision.
        let readIndex = try #require(permitted.logIndex)
        let readEvent = try #require(logged.first { $0.index == readIndex }).event
        #expect(readEvent.kind == .read && readEvent.actor == "staff-7" && readEvent.role == "epidemiologist")
        #expect(readEvent.purpose == "contact-tracing" && readEvent.decision == "permit")
        #expect(Set(readEvent.fields) == Set(permitted.decision.fieldsToDecrypt))
        let deniedEvent = try #require(logged.first { $0.index == denied.logIndex }).event
        #expect(deniedEvent.decision == "deny" && deniedEvent.role == "support" && !deniedEvent.fields.isEmpty)

        // No personal data in any leaf: no collected value, not even the pseudonymous subject id.
        let leaves = try await test.vault.store.read { try await $0.logEntries(range: 0..<UInt64(logged.count)) }
        for leaf in leaves {
            let text = String(decoding: leaf.data, as: UTF8.self)
            for value in TestVault.personalValues + [receipt.subjectID] {
                #expect(!text.contains(value), "leaf \(leaf.index) holds a personal value")
            }
        }
        #expect(Set(logged.compactMap(\.subject)).count == 1, "one subject, one commitment")
    }

    @Test("Art. 44–45: the access history lists every event about the subject, each provable offline against the signed checkpoint", arguments: TestEngine.available)
    func accessHistoryIsProvable(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        let other = try await test.collectPerson()
        _ = try await test.read(receipt.subjectID)
        _ = try await test.read(other.subjectID)
        _ = try await test.read(receipt.subjectID, role: "support")
        let history = try await test.vault.accessHistory(receipt.subjectID)
        #expect(history.entries.map(\.event.kind) == [.collection, .read, .read])
        #expect(history.entries.map(\.event.decision) == ["recorded", "permit", "deny"])
        let verifier = try NoteVerifier(history.verifierKey)
        #expect(history.verifierKey == test.vault.logVerifierKey)
        for entry in history.entries {
            let result = try OfflineVerifier.verifyInclusion(checkpoint: Array(history.checkpoint.utf8), proof: entry.proof, verifiers: [verifier])
            #expect(result.leafIndex == entry.index)
        }
        // Nothing new: no new checkpoint; a new event: a new, larger one.
        #expect(try await test.vault.publishCheckpoint() == nil)
        _ = try await test.read(receipt.subjectID)
        let note = try #require(try await test.vault.publishCheckpoint())
        let checkpoint = try SignedCheckpoint(verifying: Array(note.utf8), with: [verifier]).checkpoint
        #expect(checkpoint.size == (try await test.vault.store.read { try await $0.logState() }.leafCount))
    }

    @Test("Art. 47: erasure destroys the subject's commitment salt; the log records the erasure and no longer links to them", arguments: TestEngine.available)
    func erasureShredsCommitment(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        _ = try await test.read(receipt.subjectID)
        let commitment = try await test.vault.accessHistory(receipt.subjectID).commitment
        _ = try await test.vault.erase(receipt.subjectID)
        #expect(try await test.vault.store.read { try await $0.logSalt(subjectID: receipt.subjectID) } == nil)
        let entries = try await test.vault.store.read { try await $0.logEntries(subject: commitment) }
        #expect(try entries.map { try LogEvent(leafData: $0.data).kind } == [.collection, .read, .erasure])
        await #expect { try await test.vault.accessHistory(receipt.subjectID) } throws: { ($0 as? VaultError)?.code == .erased }
    }

    @Test("A changed configuration is detected at open and logged once; an unchanged one is not", arguments: TestEngine.available)
    func configurationChangeLogged(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, emergency: false)
        defer { Task { await test.finish() } }
        try await test.vault.close()
        let same = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger())
        #expect(try await Self.events(same).map(\.event.kind) == [.configurationChange])
        try await same.close()
        let changed = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger(), yaml: LawConfiguration.yaml)
        let events = try await Self.events(changed)
        #expect(events.map(\.event.kind) == [.configurationChange, .configurationChange])
        #expect(events[0].event.detail != events[1].event.detail)
        try await changed.close()
    }

    static func dropAppendOnlyGuards(_ vault: Vault) async throws {
        let statements = vault.store.engine.dialect == .sqlite
            ? ["DROP TRIGGER tlog_entries_no_update", "DROP TRIGGER tlog_nodes_no_update"]
            : ["DROP TRIGGER tlog_entries_append_only ON tlog_entries", "DROP TRIGGER tlog_nodes_append_only ON tlog_nodes"]
        try await vault.store.engine.withDatabase { database in
            for statement in statements { try await database.raw("\(unsafeRaw: statement)" as SQLQueryString).run() }
        }
    }

    static func checkFails(_ vault: Vault, saying fragment: String) async {
        await #expect { try await vault.checkLog() } throws: { error in
            guard let error = error as? VaultError, error.code == .integrity else { return false }
            return error.message.contains(fragment)
        }
    }

    @Test("Tampering: an edited stored event, an edited stored node and an edited checkpoint each fail verification, saying what did not match", arguments: TestEngine.available)
    func tamperingDetected(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.collectPerson()
        for _ in 0..<5 { _ = try await test.read(receipt.subjectID) }
        try await test.vault.publishCheckpoint()
        #expect(try await test.vault.checkLog().size == (try await test.vault.store.read { try await $0.logState() }.leafCount))
        try await Self.dropAppendOnlyGuards(test.vault)
        let database = test.vault.store.engine

        // 1. An event rewritten to hide a denial.
        let original = try #require(try await test.vault.store.read { try await $0.logEntries(range: 2..<3) }.first)
        let forged = Data(String(decoding: original.data, as: UTF8.self).replacingOccurrences(of: "staff-7", with: "staff-8").utf8)
        try await database.withDatabase { try await $0.raw("UPDATE tlog_entries SET data = \(bind: forged) WHERE idx = 2").run() }
        await Self.checkFails(test.vault, saying: "event 2 hashes to")
        try await database.withDatabase { try await $0.raw("UPDATE tlog_entries SET data = \(bind: original.data) WHERE idx = 2").run() }
        _ = try await test.vault.checkLog()

        // 2. An interior node replaced.
        let node = try await test.vault.transparency.log.storage.hashes(of: [NodeID(level: 1, index: 0)])[0]
        try await database.withDatabase { try await $0.raw("UPDATE tlog_nodes SET hash = \(bind: Data(repeating: 0, count: 32)) WHERE level = 1 AND idx = 0").run() }
        await Self.checkFails(test.vault, saying: "node (level 1, index 0) is stored as")
        try await database.withDatabase { try await $0.raw("UPDATE tlog_nodes SET hash = \(bind: Data(node.bytes)) WHERE level = 1 AND idx = 0").run() }
        _ = try await test.vault.checkLog()

        // 3. The stored checkpoint's size changed: its signature no longer verifies.
        let note = try #require(try await test.vault.store.read { try await $0.meta("log_checkpoint") })
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        let altered = ([lines[0], "1"] + lines.dropFirst(2)).joined(separator: "\n")
        try await test.vault.store.write { try await $0.setMeta("log_checkpoint", altered) }
        await #expect { try await test.vault.checkLog() } throws: { error in
            "\(error)".contains("signature")
        }
        try await test.vault.close()
        await #expect { try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger()) } throws: { error in
            (error as? VaultError)?.message.contains("checkpoint does not verify") == true
        }
    }
}
