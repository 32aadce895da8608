import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("The law engine: notices, consent, emergencies, retention (PIPL Art. 14–19, 23, 29, 31, 47)")
struct LawEngineTests {
    static let child: [String: JSONValue] = ["name": .string("小明"), "mobile": .string("13900139001")]

    @Test("Art. 17: notices exist in Chinese and English, mark sensitive categories, and carry one version per definition")
    func notices() throws {
        let configuration = try ConfigurationLoader.load(yaml: DemoConfiguration.yaml)
        let book = NoticeBook(configuration: configuration)
        let zh = try #require(book.notice(for: "contact-tracing", language: .zh))
        let en = try #require(book.notice(for: "contact-tracing", language: .en))
        #expect(zh.version == en.version && zh.version.count == 64)
        #expect(zh.text.contains("敏感个人信息") && zh.text.contains("第十三条第四项"))
        #expect(en.text.contains("[SENSITIVE]") && en.text.contains("Demo City Health Commission") && en.text.contains("180 days"))
        #expect(en.text.contains("pipo@health.example.cn"))
        // Art. 14: changing the purpose's definition changes the version.
        let changed = try ConfigurationLoader.load(yaml: DemoConfiguration.yaml.replacingOccurrences(of: "retention: 1y", with: "retention: 2y"))
        #expect(NoticeBook(configuration: changed).versions["service-newsletter"] != book.versions["service-newsletter"])
        #expect(NoticeBook(configuration: changed).versions["contact-tracing"] == book.versions["contact-tracing"])
    }

    @Test("Art. 14: consent to an older notice version stops permitting reads until renewed", arguments: TestEngine.available)
    func staleNotice(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: Self.child, consentGiven: true))
        try await test.vault.close()
        let changedYAML = DemoConfiguration.yaml.replacingOccurrences(of: "retention: 1y", with: "retention: 2y")
        let changed = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger(), yaml: changedYAML)
        test.clock.advance(by: 1)
        let denied = try await changed.read(AccessRequest(actor: Actor(id: "s", role: "support"), subjectID: receipt.subjectID, purpose: "service-newsletter"))
        #expect(denied.decision.outcome == .deny)
        #expect(denied.decision.denials.first?.article == "PIPL Art. 14")
        #expect(denied.decision.denials.first?.reason.contains("renew") == true)
        await #expect(throws: VaultError.self) {
            try await changed.grantConsent(ConsentGrant(subjectID: receipt.subjectID, purposes: ["service-newsletter"], noticeVersions: ["0000"], method: "app"))
        }
        _ = try await changed.grantConsent(subjectID: receipt.subjectID, purpose: "service-newsletter")
        test.clock.advance(by: 1)
        #expect(try await changed.read(AccessRequest(actor: Actor(id: "s", role: "support"), subjectID: receipt.subjectID, purpose: "service-newsletter")).decision.outcome == .permit)
        try await changed.close()
    }

    @Test("Art. 23, 29: a purpose that shares or touches sensitive data needs a separate consent; a bundle is refused", arguments: TestEngine.available)
    func separateConsent(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, yaml: LawConfiguration.yaml)
        defer { Task { await test.finish() } }
        let subject = try await test.vault.addSubject()
        let versions = test.vault.notices.versions
        await #expect {
            try await test.vault.grantConsent(ConsentGrant(subjectID: subject, purposes: ["service-newsletter", "research-sharing"],
                                                           noticeVersions: [versions["service-newsletter"]!, versions["research-sharing"]!], method: "app"))
        } throws: { error in
            let error = error as! VaultError
            return error.message.contains("separate consent") && error.message.contains("Art. 23") && error.message.contains("Art. 29")
        }
        #expect(try await test.vault.store.read { try await $0.consents(subjectID: subject) }.isEmpty)
        let outcome = try await test.vault.grantConsent(ConsentGrant(subjectID: subject, purposes: ["research-sharing"], noticeVersions: [versions["research-sharing"]!], method: "app"))
        #expect(outcome.consentIDs.count == 1)
        await #expect(throws: VaultError.self) { try await test.vault.grantConsent(subjectID: subject, purpose: "contact-tracing") }
        await #expect(throws: VaultError.self) { try await test.vault.grantConsent(subjectID: subject, purpose: "no-such-purpose") }
    }

    @Test("Art. 31: a subject under 14 needs a guardian's consent", arguments: TestEngine.available)
    func minors(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        // Born 2015-06-01, so 6 years old at the test clock (2022).
        let birth = "11010520150601003"
        let id = birth + String(ResidentIDNumber.checkCharacter(for: birth.compactMap(\.wholeNumberValue)))
        let registration = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", values: [
            "name": .string("小明"), "resident_id": .string(id), "date_of_birth": .string("2015-06-01"), "vaccination_status": .string("full"),
        ]))
        await #expect { try await test.vault.grantConsent(subjectID: registration.subjectID, purpose: "service-newsletter") } throws: {
            ($0 as? VaultError)?.article == "PIPL Art. 31"
        }
        _ = try await test.vault.grantConsent(subjectID: registration.subjectID, purpose: "service-newsletter", guardian: "guardian-consent-2022-0417")
        await #expect { try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter",
                                                                values: ["name": .string("小红"), "mobile": .string("13900139002"), "resident_id": .string(id)], consentGiven: true)) } throws: { _ in true }
        let rows = try await test.vault.store.read { try await $0.consents(subjectID: registration.subjectID) }
        #expect(rows.first?.guardian == "guardian-consent-2022-0417")
    }

    @Test("Art. 15, 16, 47: withdrawal deletes what rested only on consent, leaves necessary purposes, and yields verifiable receipts", arguments: TestEngine.available)
    func withdrawalAndReceipts(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let newsletter = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: Self.child, consentGiven: true))
        // Art. 16: a necessary purpose collects for the same subject whatever happens to the optional one.
        _ = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", subjectID: newsletter.subjectID, values: [
            "name": .string("小明"), "resident_id": .string("11010519491231002X"), "vaccination_status": .string("partial"),
        ]))
        test.clock.advance(by: 10)
        let outcome = try await test.vault.withdrawConsent(subjectID: newsletter.subjectID, purpose: "service-newsletter")
        #expect(outcome.recordsDeleted == 1)
        let remaining = try await test.read(newsletter.subjectID, purpose: "vaccination-record", role: "clinic-staff")
        #expect(remaining.records.count == 1)
        let receipts = try await test.vault.consentReceipts(subjectID: newsletter.subjectID)
        #expect(receipts.count == 2)
        for text in receipts {
            let document = try SignedDocument.verify(Data(text.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
            guard case .object(let fields) = document else { Issue.record("receipt is not an object"); continue }
            #expect(fields["version"] == .string("KI-CR-v1.1.0") && fields["jurisdiction"] == .string("CN"))
            #expect(fields["piiPrincipalId"] == .string(newsletter.subjectID))
            #expect(!text.contains("小明") && !text.contains("13900139001"))
        }
        let tampered = receipts[0].replacingOccurrences(of: "\"EXPLICIT\"", with: "\"IMPLICIT\"")
        #expect(throws: SignedDocument.Failure.self) { try SignedDocument.verify(Data(tampered.utf8), trustedPublicKey: test.vault.signer.publicKeyBase64) }
        let otherKey = VaultSigner.generate().publicKeyBase64
        #expect(throws: SignedDocument.Failure.self) { try SignedDocument.verify(Data(receipts[0].utf8), trustedPublicKey: otherKey) }
        let deletions = try await test.vault.deletionReceipts(subjectID: newsletter.subjectID)
        #expect(deletions.count == 1 && deletions[0].article == "PIPL Art. 47(1)3")
    }

    @Test("Art. 18, 19: an emergency's collections owe notices, produced at its end; retention is capped at end + grace and swept", arguments: TestEngine.available)
    func emergencyLifecycle(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, emergency: false)
        defer { Task { await test.finish() } }
        let emergency = try await test.vault.declareEmergency(name: "Outbreak", legalReference: "Notice 7", purposes: ["contact-tracing"], region: nil, endsAt: nil)
        test.clock.advance(by: 1)
        let first = try await test.collectPerson()
        let second = try await test.collectPerson()
        #expect(try await test.vault.noticesOwed(emergencyID: emergency.id, producedOnly: true).isEmpty)
        test.clock.advance(by: 86_400)
        try await test.vault.endEmergency(emergency.id)
        await #expect(throws: VaultError.self) { try await test.vault.endEmergency(emergency.id) }
        let notices = try await test.vault.owedNotices(emergencyID: emergency.id)
        #expect(Set(notices.map(\.subjectID)) == [first.subjectID, second.subjectID])
        #expect(notices.allSatisfy { $0.noticeZH.contains("告知书") && $0.noticeEN.contains("Contact tracing") && $0.delivery == "pending" })
        #expect(!notices.contains { $0.noticeZH.contains("张三丰") })
        // Demo grace period is 30 days: not due after 29, due after 31.
        test.clock.advance(by: 29 * 86_400)
        #expect(try await test.vault.sweepRetention(dryRun: true).due == 0)
        test.clock.advance(by: 2 * 86_400)
        #expect(try await test.vault.sweepRetention(dryRun: true).due == 2)
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 2)
        let report = try await test.vault.sweepRetention()
        #expect(report.deleted == 2)
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 0)
        let receipts = try await test.vault.deletionReceipts(subjectID: first.subjectID)
        #expect(receipts.first?.reason == "retention period ended" && receipts.first?.article == "PIPL Art. 19, 47(1)2")
        #expect(try await test.read(first.subjectID).records.isEmpty)
    }

    @Test("Art. 19: the sweep deletes only what is past its deadline", arguments: TestEngine.available)
    func retentionSweep(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let newsletter = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "service-newsletter", values: Self.child, consentGiven: true))
        let tracing = try await test.collectPerson()
        test.clock.advance(by: 181 * 86_400)
        #expect(try await test.vault.sweepRetention().deleted == 1)
        #expect(try await test.read(tracing.subjectID).records.isEmpty)
        #expect(try await test.read(newsletter.subjectID, purpose: "service-newsletter", role: "support").records.count == 1)
    }
}
