import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore
import TransparencyLog

@Suite("Biometric 1:N identification (PIPL Art. 26, 6)")
struct BiometricIdentificationTests {
    static let police = Actor(id: "camera-7", role: "police")
    static let other: [Double] = [-0.5, 0.8, 0.3, -0.2, 0.1, 0.6, -0.4, 0.05]

    static func enrol(_ vault: Vault, _ values: [Double], purpose: String) async throws -> CollectionReceipt {
        try await vault.collect(Submission(standard: "face-enrolment", purpose: purpose, values: ["face": BiometricTests.template(values)], consentGiven: purpose == "venue-access"))
    }

    @Test("Art. 26: an identification purpose finds the enrolled person among others, answering only ids and scores; the search and the candidate are logged", arguments: TestEngine.available)
    func identifies(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine)
        defer { Task { await test.finish() } }
        let wanted = try await Self.enrol(test.vault, BiometricTests.face, purpose: "camera-search").subjectID
        _ = try await Self.enrol(test.vault, Self.other, purpose: "camera-search")
        // Art. 6: a template collected for venue access is not searched by the camera purpose.
        let venue = try await Self.enrol(test.vault, BiometricTests.face, purpose: "venue-access").subjectID
        let leavesBefore = try await test.vault.store.read { try await $0.logState() }.leafCount
        let result = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: Self.police, purpose: "camera-search", template: BiometricTests.template(BiometricTests.face)))
        #expect(result.candidates.map(\.subjectID) == [wanted])
        #expect(!result.candidates.contains { $0.subjectID == venue })
        #expect(result.compared == 2 && (result.candidates.first?.score ?? 0) > 0.99)
        let size = try await test.vault.store.read { try await $0.logState() }.leafCount
        let events = try await test.vault.store.read { try await $0.logEntries(range: leavesBefore..<size) }.map { try LogEvent(leafData: $0.data) }
        #expect(events.map(\.decision) == ["searched", "candidate"])
        #expect(events.allSatisfy { $0.purpose == "camera-search" && $0.actor == "camera-7" })
        // Nobody similar: no candidates, still a logged search.
        let none = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: Self.police, purpose: "camera-search", template: BiometricTests.template([0, 0, 0, 0, 0, 0, -1, 0])))
        #expect(none.candidates.isEmpty)
    }

    @Test("Art. 26, 51: a verification purpose cannot search 1:N, a role without the purpose is refused, a bad limit or probe names the rule", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine)
        defer { Task { await test.finish() } }
        _ = try await Self.enrol(test.vault, BiometricTests.face, purpose: "camera-search")
        let verification = try await #require(throws: VaultError.self) {
            _ = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: BiometricTests.gate, purpose: "venue-access", template: BiometricTests.template(BiometricTests.face)))
        }
        #expect(verification.code == .denied && verification.article == "PIPL Art. 26")
        let role = try await #require(throws: VaultError.self) {
            _ = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: BiometricTests.gate, purpose: "camera-search", template: BiometricTests.template(BiometricTests.face)))
        }
        #expect(role.code == .denied && role.article == "PIPL Art. 51")
        let limit = try await #require(throws: VaultError.self) {
            _ = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: Self.police, purpose: "camera-search", template: BiometricTests.template(BiometricTests.face), limit: 0))
        }
        #expect(limit.code == .invalidInput && limit.fieldPath == "limit")
        let short = try await #require(throws: VaultError.self) {
            _ = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: Self.police, purpose: "camera-search", template: BiometricTests.template([1, 2])))
        }
        #expect(short.code == .invalidInput)
        // 1:1 under the identification purpose is still refused: it is not a verification purpose.
        let receipt = try await Self.enrol(test.vault, BiometricTests.face, purpose: "camera-search")
        await #expect { try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.police, subjectID: receipt.subjectID, purpose: "camera-search", template: BiometricTests.template(BiometricTests.face))) } throws: {
            ($0 as? VaultError)?.article == "PIPL Art. 26"
        }
    }

    @Test("Art. 47: an erased person is never a candidate", arguments: TestEngine.available)
    func erasedNeverFound(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await Self.enrol(test.vault, BiometricTests.face, purpose: "camera-search").subjectID
        _ = try await test.vault.erase(subject)
        let result = try await test.vault.identifyBiometric(BiometricIdentifyRequest(actor: Self.police, purpose: "camera-search", template: BiometricTests.template(BiometricTests.face)))
        #expect(result.candidates.isEmpty && result.compared == 0)
    }
}
