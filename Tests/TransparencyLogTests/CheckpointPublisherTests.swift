import Testing
import TransparencyLog

@Suite("CheckpointPublisher: a new signed checkpoint only when the tree grew")
struct CheckpointPublisherTests {
    let signer = try! NoteSigner.generate(name: "vault.example/log")

    @Test("C2SP tlog-checkpoint: publishes at first, skips when unchanged, republishes after growth")
    func publishOnGrowth() async throws {
        let log = try await Fixture.log(0)
        let publisher = try CheckpointPublisher(log: log, origin: "vault.example/log", signers: [signer])
        let first = try #require(try await publisher.publishIfGrown())
        #expect(first.checkpoint.size == 0)
        #expect(first.checkpoint.root == TreeHasher.emptyRoot)
        #expect(try await publisher.publishIfGrown() == nil)
        try await log.append(Fixture.entries(3))
        let second = try #require(try await publisher.publishIfGrown())
        #expect(second.checkpoint.size == 3)
        let verified = try SignedCheckpoint(verifying: Array(second.note.utf8), with: [signer.verifier], origin: "vault.example/log")
        #expect(verified.checkpoint == second.checkpoint)
        #expect(await publisher.latest == second)
    }

    @Test("A restarted publisher restores its last note and refuses one it cannot verify")
    func restore() async throws {
        let log = try await Fixture.log(4)
        let note = try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer])
        let publisher = try CheckpointPublisher(log: log, origin: "vault.example/log", signers: [signer], restoring: note)
        #expect(await publisher.latest?.checkpoint.size == 4)
        #expect(try await publisher.publishIfGrown() == nil)
        let other = try NoteSigner.generate(name: "vault.example/log")
        #expect(throws: LogError.self) {
            try CheckpointPublisher(log: log, origin: "vault.example/log", signers: [other], restoring: note)
        }
    }

    @Test("run(every:) publishes new entries on its interval and stops on cancellation")
    func runLoop() async throws {
        let log = try await Fixture.log(1)
        let publisher = try CheckpointPublisher(log: log, origin: "vault.example/log", signers: [signer])
        let task = Task { try await publisher.run(every: .milliseconds(5), clock: ContinuousClock()) }
        try await log.append(Fixture.entries(2, from: 1))
        // Bounded generously: the full test run keeps the cooperative threads busy.
        for _ in 0..<4000 where await publisher.latest?.checkpoint.size != 3 {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(await publisher.latest?.checkpoint.size == 3)
        task.cancel()
        try await task.value
    }
}
