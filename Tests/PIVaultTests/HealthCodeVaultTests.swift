import Foundation
import HealthCode
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

@Suite("Vault-bound health codes: issue, verify offline, revoke (PIPL Art. 6, 13(4), 47, 51)")
struct HealthCodeVaultTests {
    /// A vault with an issuer and one collected person.
    static func prepared(_ engine: TestEngine) async throws -> (TestVault, String) {
        let test = try await TestVault.make(engine)
        _ = try await test.vault.createHealthCodeIssuer(name: "Wuhan Health Commission")
        let subject = try await test.collectPerson().subjectID
        return (test, subject)
    }

    static func issue(_ test: TestVault, _ subject: String, status: HealthStatus = .green, role: String = "clinic-staff",
                      purpose: String = "vaccination-record", validFor: Int64 = 86_400) async throws -> VaultHealthCode {
        try await test.vault.issueHealthCode(HealthCodeRequest(actor: Actor(id: "staff-7", role: role), subjectID: subject, purpose: purpose, status: status, validFor: validFor))
    }

    static func verifier(_ test: TestVault, revocations: RevocationList = RevocationList()) async throws -> HealthCodeVerifier {
        // The trust list and revocation list travel as files; round-trip them through their text forms.
        let trust = try TrustList(pemEncoded: try await test.vault.healthCodeTrustList().pemEncoded())
        let revoked = try RevocationList(textEncoded: revocations.textEncoded())
        return HealthCodeVerifier(trustList: trust, revocationList: revoked, clock: .fixed(Int64(test.clock.now().timeIntervalSince1970)))
    }

    static func code(_ error: any Error) -> VaultError.Code? { (error as? VaultError)?.code }

    @Test("Issue → verify offline round trip with the vault's trust list", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        let issued = try await Self.issue(test, subject, validFor: 2 * 3_600)
        #expect(issued.text.hasPrefix("HC1:"))
        #expect(issued.subjectID == subject)
        #expect(issued.validUntil.timeIntervalSince(issued.validFrom) == 2 * 3_600)
        test.clock.advance(by: 60)
        let credential = try (try await Self.verifier(test)).verifyCredential(issued.text).get()
        #expect(credential.codeID.rawValue == issued.codeID)
        #expect(credential.status == .green)
        #expect(credential.issuer == "Wuhan Health Commission")
        #expect(try await test.vault.healthCode(issued.codeID) == issued)
        // Past its window the same code fails at the validity step.
        test.clock.advance(by: 3 * 3_600)
        guard case .failure(let failure) = (try await Self.verifier(test)).verify(issued.text) else {
            Issue.record("an expired code verified")
            return
        }
        #expect(failure.step == .validityPeriod)
    }

    @Test("Art. 6: the decoded payload holds only code id, status, validity and issuer — no name, ID number or birth date", arguments: TestEngine.available)
    func noIdentity(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        let issued = try await Self.issue(test, subject)
        let (_, claims) = try HC1Codec().decode(issued.text)
        let payload = try #require(claims.healthCertificate)
        let keys = Set(try #require(payload.mapEntries).compactMap { $0.key.text })
        #expect(keys == HealthCredential.Field.all)
        let diagnostic = "\(payload) \(claims.issuer ?? "")"
        for value in TestVault.personalValues + [subject, "19491231", "1949-12-31"] {
            #expect(!diagnostic.contains(value))
            #expect(!issued.text.contains(value))
        }
        for line in test.logs.all {
            for value in TestVault.personalValues { #expect(!line.contains(value)) }
        }
    }

    @Test("Art. 51: a role not granted the purpose cannot issue, and nothing is stored", arguments: TestEngine.available)
    func deniedRole(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        await #expect { try await Self.issue(test, subject, role: "support", purpose: "contact-tracing") } throws: { error in
            (error as? VaultError)?.code == .denied && (error as? VaultError)?.article == "PIPL Art. 51"
        }
        await #expect { try await Self.issue(test, subject, role: "clinic-staff", purpose: "no-such-purpose") } throws: { Self.code($0) == .denied }
        #expect(try await test.vault.store.read { try await $0.healthCodes(subjectID: subject) }.isEmpty)
    }

    @Test("Art. 13(4): a status change is refused outside an emergency purpose and allowed under an active one", arguments: TestEngine.available)
    func statusChange(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        await #expect { try await Self.issue(test, subject, status: .red) } throws: { error in
            (error as? VaultError)?.code == .denied && (error as? VaultError)?.article == "PIPL Art. 13(4)"
        }
        _ = try await Self.issue(test, subject, status: .green)
        let red = try await Self.issue(test, subject, status: .red, role: "epidemiologist", purpose: "contact-tracing")
        #expect(red.status == "red")
        // Re-issuing the current status is not a change; going back to green is.
        _ = try await Self.issue(test, subject, status: .red)
        await #expect { try await Self.issue(test, subject, status: .green) } throws: { Self.code($0) == .denied }
        // Once the emergency ends, its purpose no longer holds.
        for emergency in try await test.vault.emergencies() { try await test.vault.endEmergency(emergency.id) }
        test.clock.advance(by: 2)
        await #expect { try await Self.issue(test, subject, status: .green, role: "epidemiologist", purpose: "contact-tracing") } throws: { error in
            (error as? VaultError)?.code == .denied && (error as? VaultError)?.article == "PIPL Art. 13(4)"
        }
    }

    @Test("Revoked code: verification fails at the revocation step with the published list", arguments: TestEngine.available)
    func revoke(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        let revoked = try await Self.issue(test, subject)
        let kept = try await Self.issue(test, subject)
        try await test.vault.revokeHealthCode(revoked.codeID.uppercased())
        let list = try await test.vault.healthCodeRevocationList()
        #expect(list.hashes.count == 1)
        #expect(!list.textEncoded().contains(revoked.codeID))
        let verifier = try await Self.verifier(test, revocations: list)
        guard case .failure(let failure) = verifier.verify(revoked.text) else {
            Issue.record("a revoked code verified")
            return
        }
        #expect(failure.step == .revocation)
        #expect(try verifier.verifyCredential(kept.text).get().codeID.rawValue == kept.codeID)
        #expect(try await test.vault.healthCode(revoked.codeID).revokedAt != nil)
    }

    @Test("Art. 47: erasing a subject revokes their codes, scrubs what they certified, and no new code can be issued", arguments: TestEngine.available)
    func erasure(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        let codes = [try await Self.issue(test, subject), try await Self.issue(test, subject)]
        _ = try await test.vault.erase(subject)
        let list = try await test.vault.healthCodeRevocationList()
        #expect(list.hashes.count == 2)
        let verifier = try await Self.verifier(test, revocations: list)
        for code in codes {
            guard case .failure(let failure) = verifier.verify(code.text) else {
                Issue.record("an erased subject's code verified")
                continue
            }
            #expect(failure.step == .revocation)
        }
        await #expect { try await Self.issue(test, subject) } throws: { Self.code($0) == .erased }
        // What the codes certified is gone; only the random ids the list needs remain.
        await #expect { try await test.vault.healthCode(codes[0].codeID) } throws: { Self.code($0) == .erased }
        let rows = try await test.vault.store.read { try await $0.healthCodes(subjectID: subject) }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.code.isEmpty && $0.status == StoreSession.erasedHealthCodeStatus && $0.revokedAt != nil })
    }

    @Test("Bad input: unknown or malformed code id, bad status, bad duration, no issuer — clear errors", arguments: TestEngine.available)
    func badInput(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        await #expect { try await Self.issue(test, subject) } throws: { error in
            Self.code(error) == .notFound && "\(error)".contains("keys init")
        }
        _ = try await test.vault.createHealthCodeIssuer(name: "Wuhan Health Commission")
        let unknown = String(repeating: "ab", count: 16)
        await #expect { try await test.vault.healthCode(unknown) } throws: { Self.code($0) == .notFound }
        await #expect { try await test.vault.revokeHealthCode(unknown) } throws: { Self.code($0) == .notFound }
        await #expect { try await test.vault.healthCodeQR("not-a-code") } throws: { Self.code($0) == .invalidInput }
        await #expect { try await Self.issue(test, "sub_doesnotexist") } throws: { Self.code($0) == .notFound }
        await #expect { try await Self.issue(test, subject, validFor: 0) } throws: { Self.code($0) == .invalidInput }
        for status in ["blue", "", "greenish"] {
            #expect { try HealthCodeRequest.status(parsing: status) } throws: { (error: any Error) in
                (error as? VaultError)?.fieldPath == "status"
            }
        }
        #expect(try HealthCodeRequest.status(parsing: "RED") == .red)
        for duration in ["", "24", "h", "0h", "-1h", "1.5h", "31d", "24x", "99999999s"] {
            #expect { try HealthCodeRequest.duration(parsing: duration) } throws: { (error: any Error) in
                (error as? VaultError)?.fieldPath == "valid_for"
            }
        }
        #expect(try HealthCodeRequest.duration(parsing: "24h") == 86_400)
        #expect(try HealthCodeRequest.duration(parsing: "1d12h") == 129_600)
        #expect(try HealthCodeRequest.duration(parsing: "30m") == 1_800)
        await #expect { try await test.vault.createHealthCodeIssuer(name: " ") } throws: { Self.code($0) == .invalidInput }
    }

    @Test("Art. 51: the issuer key is wrapped under the master key, re-wrapped on rotation, usable after the old key is retired", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        let (test, subject) = try await Self.prepared(engine)
        defer { Task { await test.finish() } }
        let before = try await Self.issue(test, subject)
        let newKey = MasterKey.generate(version: 2)
        _ = try await test.vault.rotate(to: newKey)
        try await test.vault.retire(version: 1)
        let rows = try await test.vault.store.read { try await $0.healthCodeIssuers() }
        #expect(rows.map(\.keyVersion) == [2])
        try await test.vault.close()
        let reopened = try await TestVault.openVault(location: test.location, keyring: try Keyring([newKey]), clock: test.clock, logger: test.logs.logger())
        defer { Task { try? await reopened.close() } }
        let after = try await reopened.issueHealthCode(HealthCodeRequest(actor: Actor(id: "staff-7", role: "clinic-staff"), subjectID: subject, purpose: "vaccination-record", status: .green))
        let verifier = HealthCodeVerifier(trustList: try await reopened.healthCodeTrustList(), clock: .fixed(Int64(test.clock.now().timeIntervalSince1970)))
        #expect(try verifier.verifyCredential(before.text).get().status == .green)
        #expect(try verifier.verifyCredential(after.text).get().status == .green)
    }
}
