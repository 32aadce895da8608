import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore
import TransparencyLog

@Suite("Collections committed in groups (PIPL Art. 9, 51: secure, logged storage)")
struct GroupCommitTests {
    @Test("Concurrent collections each get their own outcome: an erased subject's submission fails alone (Art. 47)", arguments: TestEngine.available)
    func ownOutcomes(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let erased = try await test.collectPerson().subjectID
        _ = try await test.vault.erase(erased)
        let before = try await test.vault.store.read { try await $0.counts() }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let subject = index == 17 ? erased : nil
                    do {
                        _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", subjectID: subject, values: TestVault.person))
                        return true
                    } catch let error as VaultError {
                        #expect(index == 17 && error.code == .erased && error.article == "PIPL Art. 47")
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 39)
        let after = try await test.vault.store.read { try await $0.counts() }
        #expect(after.records == before.records + 39)
        #expect(after.subjects == before.subjects + 39)
    }

    @Test("A collection and its log event are stored in one transaction: every stored record has its event (Art. 9)", arguments: TestEngine.available)
    func loggedWithTheRecord(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let leavesBefore = try await test.vault.store.read { try await $0.logState() }.leafCount
        let receipts = try await withThrowingTaskGroup(of: CollectionReceipt.self) { group in
            for _ in 0..<25 { group.addTask { try await test.collectPerson() } }
            return try await group.reduce(into: [CollectionReceipt]()) { $0.append($1) }
        }
        // Nothing waits for the sequencer: the events are already stored when collect returns.
        let state = try await test.vault.store.read { try await $0.logState() }
        #expect(state.leafCount == leavesBefore + 25)
        let events = try await test.vault.store.read { try await $0.logEntries(range: leavesBefore..<state.leafCount) }.map { try LogEvent(leafData: $0.data) }
        #expect(events.allSatisfy { $0.kind == .collection && $0.purpose == "contact-tracing" })
        #expect(Set(receipts.map(\.subjectID)).count == 25)
    }
}
