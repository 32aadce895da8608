import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

/// Sharing, entrusted processing and cross-border transfer (PIPL Art. 21, 23,
/// 38–39) on every engine: the registry, the configuration checks, the notice,
/// separate consent, and transfers logged with recipient and field paths.
@Suite("Sharing, entrusted processing and cross-border transfer (PIPL Art. 21, 23, 38–39)")
struct SharingTests {
    static let sender = Actor(id: "staff-9", role: "support")

    static func make(_ engine: TestEngine, anomaly: String = "") async throws -> TestVault {
        try await TestVault.make(engine, yaml: SharingConfiguration.yaml(anomaly: anomaly))
    }

    static func transfers(_ vault: Vault) async throws -> [LogEvent] {
        try await TransparencyLogVaultTests.events(vault).map(\.event).filter { $0.kind == .transfer }
    }

    static func problems(_ yaml: String) -> [ConfigurationProblem] {
        ConfigurationLoader.check(yaml: yaml).1
    }

    @Test("Art. 21, 23, 38: the registry loads handlers, processors with contracts, and recipients abroad with their mechanism")
    func registry() throws {
        let configuration = try ConfigurationLoader.load(yaml: SharingConfiguration.yaml())
        let lab = try #require(configuration.recipients["cloud-lab"])
        #expect(lab.kind == .processor && lab.contract?.categories == ["basic", "contact"] && lab.contract?.purposes == ["lab-processing"])
        let geneva = try #require(configuration.recipients["geneva-lab"])
        #expect(geneva.isAbroad && geneva.mechanism == .standardContract && geneva.rightsContact == "privacy@geneva-lab.example.ch")
        #expect(configuration.recipients["provincial-cdc"]?.isAbroad == false)
        #expect(configuration.roles["officer"]?.officer == true)
        // Art. 21: an entrusted processor inside the PRC needs no separate consent; another handler (Art. 23) and abroad (Art. 39) do.
        #expect(!configuration.requiresSeparateConsent(Purpose(id: "x", title: "x", basis: .consent, standards: [], fields: [], retention: RetentionPeriod(parsing: "1y")!, recipients: ["cloud-lab"])))
        #expect(configuration.requiresSeparateConsent(configuration.purposes["research-sharing"]!))
        #expect(configuration.separateConsentReasons(configuration.purposes["overseas-research"]!).contains { $0.contains("Art. 39") })
    }

    @Test("Art. 21, 23: config check names an unregistered recipient with line and column")
    func unregisteredRecipientInConfiguration() throws {
        let yaml = SharingConfiguration.yaml().replacingOccurrences(of: "recipients: [provincial-cdc]", with: "recipients: [provincial-cdc, mystery-co]")
        let problems = Self.problems(yaml)
        let problem = try #require(problems.first { $0.message.contains("mystery-co") })
        #expect(problem.message.contains("unregistered recipient") && problem.message.contains("PIPL Art. 21, 23"))
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("mystery-co") }! + 1
        #expect(problem.line == line && problem.column > 1)
    }

    @Test("Art. 38: config check refuses a recipient abroad without a transfer mechanism, or with an unknown one")
    func crossBorderWithoutMechanism() throws {
        let missing = SharingConfiguration.yaml().replacingOccurrences(of: "    mechanism: standard-contract\n", with: "")
        #expect(Self.problems(missing).contains { $0.message.contains("'geneva-lab' is abroad") && $0.message.contains("PIPL Art. 38") })
        let unknown = SharingConfiguration.yaml().replacingOccurrences(of: "mechanism: standard-contract", with: "mechanism: handshake")
        #expect(Self.problems(unknown).contains { $0.message.contains("unknown transfer mechanism 'handshake'") })
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: missing) }
    }

    @Test("Art. 21: config check refuses a processor without a contract, a contract ending before it starts, and unknown categories or purposes")
    func processorContractChecks() throws {
        let noContract = SharingConfiguration.yaml().replacingOccurrences(of: "    contract: { from: 2022-01-01, until: 2022-06-30, purposes: [lab-processing], categories: [basic, contact] }\n", with: "")
        #expect(Self.problems(noContract).contains { $0.message.contains("entrusted processor but has no 'contract'") })
        let backwards = SharingConfiguration.yaml().replacingOccurrences(of: "until: 2022-06-30", with: "until: 2021-06-30")
        #expect(Self.problems(backwards).contains { $0.message.contains("ends before it starts") })
        let badCategory = SharingConfiguration.yaml().replacingOccurrences(of: "categories: [basic, contact]", with: "categories: [basic, telepathy]")
        #expect(Self.problems(badCategory).contains { $0.message.contains("unknown data category 'telepathy'") })
        let badPurpose = SharingConfiguration.yaml().replacingOccurrences(of: "purposes: [lab-processing], categories", with: "purposes: [lab-processing, ghost], categories")
        #expect(Self.problems(badPurpose).contains { $0.message.contains("unknown purpose 'ghost'") })
        let badKind = SharingConfiguration.yaml().replacingOccurrences(of: "kind: processor", with: "kind: broker")
        #expect(Self.problems(badKind).contains { $0.message.contains("unknown kind 'broker'") })
    }

    @Test("Art. 23, 39: the notice names the recipient and, for one abroad, its country, mechanism and how to exercise rights against it")
    func noticeNamesRecipients() throws {
        let book = NoticeBook(configuration: try ConfigurationLoader.load(yaml: SharingConfiguration.yaml()))
        let en = try #require(book.notice(for: "overseas-research", language: .en)).text
        #expect(en.contains("Geneva Vaccine Lab") && en.contains("in CH") && en.contains("standard contract") && en.contains("privacy@geneva-lab.example.ch"))
        #expect(en.contains("separate consent"))
        let zh = try #require(book.notice(for: "overseas-research", language: .zh)).text
        #expect(zh.contains("境外接收方") && zh.contains("标准合同") && zh.contains("privacy@geneva-lab.example.ch"))
        let lab = try #require(book.notice(for: "lab-processing", language: .en)).text
        #expect(lab.contains("Cloud Lab Ltd.") && lab.contains("entrusted processor"))
        #expect(try #require(book.notice(for: "research-sharing", language: .zh)).text.contains("Provincial CDC"))
    }

    @Test("Art. 23: a transfer to another handler needs the subject's separate consent, then is logged with recipient and field paths", arguments: TestEngine.available)
    func transferToHandler(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let request = TransferRequest(actor: Self.sender, subjectID: subject, purpose: "research-sharing", recipient: "provincial-cdc")
        await #expect { try await test.vault.transfer(request) } throws: { error in
            let error = error as! VaultError
            return error.code == .denied && error.article == "PIPL Art. 13(1), 14" && error.message.contains("provincial-cdc")
        }
        #expect(try await Self.transfers(test.vault).isEmpty)
        _ = try await test.vault.grantConsent(subjectID: subject, purpose: "research-sharing")
        test.clock.advance(by: 1)
        let result = try await test.vault.transfer(request)
        #expect(result.recipient.id == "provincial-cdc")
        #expect(result.access.records.first?.values["health_declaration"] == .string("发热咳嗽三天"))
        let events = try await Self.transfers(test.vault)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.detail == "recipient:provincial-cdc" && event.fields == ["health_declaration"] && event.purpose == "research-sharing" && event.actor == "staff-9")
        #expect(event.decision == "permit" && event.subject != nil)
        for value in TestVault.personalValues { #expect(!String(decoding: event.leafData, as: UTF8.self).contains(value)) }
        // Art. 45: the subject's own access history shows who received the data, with a proof.
        let history = try await test.vault.accessHistory(subject)
        #expect(history.entries.contains { $0.event.kind == .transfer && $0.event.detail == "recipient:provincial-cdc" })
    }

    @Test("Art. 23: a transfer to an unregistered recipient is refused with the article; nothing is logged as a transfer", arguments: TestEngine.available)
    func unregisteredRecipient(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let before = try await TransparencyLogVaultTests.events(test.vault).count
        await #expect { try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "research-sharing", recipient: "mystery-co")) } throws: { error in
            let error = error as! VaultError
            return error.code == .denied && error.article == "PIPL Art. 21, 23" && error.message.contains("not registered")
        }
        #expect(try await TransparencyLogVaultTests.events(test.vault).count == before)
    }

    @Test("Art. 23: a transfer to a registered recipient the purpose does not name is refused; nothing is logged", arguments: TestEngine.available)
    func recipientNotNamedByPurpose(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        _ = try await test.vault.grantConsent(subjectID: subject, purpose: "research-sharing")
        let before = try await TransparencyLogVaultTests.events(test.vault).count
        await #expect { try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "research-sharing", recipient: "unused-partner")) } throws: { error in
            let error = error as! VaultError
            return error.article == "PIPL Art. 23" && error.message.contains("does not name recipient 'unused-partner'")
        }
        #expect(try await TransparencyLogVaultTests.events(test.vault).count == before)
    }

    @Test("Art. 21: an entrusted processor receives only its permitted categories, and its access ends with its contract", arguments: TestEngine.available)
    func processorContract(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        // Health is outside the contract's categories: refused, naming the field path (not its value).
        await #expect { try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "lab-processing", recipient: "cloud-lab")) } throws: { error in
            let error = error as! VaultError
            return error.article == "PIPL Art. 21" && error.fieldPath == "health_declaration" && error.message.contains("category 'health'")
        }
        #expect(try await Self.transfers(test.vault).isEmpty)
        let permitted = TransferRequest(actor: Self.sender, subjectID: subject, purpose: "lab-processing", recipient: "cloud-lab", fields: ["name", "mobile"])
        let result = try await test.vault.transfer(permitted)
        #expect(Set(result.access.decision.permitted) == ["name", "mobile"])
        #expect(try await Self.transfers(test.vault).count == 1)
        // 2022-07-01: the contract (until 2022-06-30) has ended.
        test.clock.advance(by: 91 * 86400)
        await #expect { try await test.vault.transfer(permitted) } throws: { error in
            let error = error as! VaultError
            return error.article == "PIPL Art. 21" && error.message.contains("no contract in force") && error.message.contains("2022-06-30")
        }
        #expect(try await Self.transfers(test.vault).count == 1)
        #expect(test.vault.recipients().first { $0.recipient.id == "cloud-lab" }?.contractInForce == false)
    }

    @Test("Art. 38–39: a cross-border transfer needs separate consent and is logged naming the recipient abroad", arguments: TestEngine.available)
    func crossBorderTransfer(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.vault.collect(Submission(standard: "epidemic-registration", purpose: "vaccination-record", values: [
            "name": .string("张三丰"), "resident_id": .string("11010519491231002X"), "vaccination_status": .string("full"),
        ])).subjectID
        // A bundled consent is refused: Art. 39 asks for a separate one.
        let versions = test.vault.notices.versions
        await #expect(throws: VaultError.self) {
            try await test.vault.grantConsent(ConsentGrant(subjectID: subject, purposes: ["overseas-research", "service-newsletter"],
                                                           noticeVersions: [versions["overseas-research"]!, versions["service-newsletter"]!], method: "app"))
        }
        _ = try await test.vault.grantConsent(subjectID: subject, purpose: "overseas-research")
        let result = try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "overseas-research", recipient: "geneva-lab"))
        #expect(result.recipient.isAbroad && result.access.records.first?.values["vaccination_status"] == .string("full"))
        let event = try #require(try await Self.transfers(test.vault).first)
        #expect(event.detail == "recipient:geneva-lab" && event.fields == ["vaccination_status"])
    }

    @Test("Art. 55: a sharing purpose without an impact assessment of its current definition transfers nothing", arguments: TestEngine.available)
    func transferNeedsAssessment(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false, yaml: SharingConfiguration.yaml(anomaly: ""))
        defer { Task { await test.finish() } }
        let subject = try await test.vault.addSubject()
        await #expect { try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "lab-processing", recipient: "cloud-lab", fields: ["name"])) } throws: { error in
            let error = error as! VaultError
            return error.code == .denied && error.article?.contains("55") == true && error.message.contains("cloud-lab")
        }
        #expect(try await Self.transfers(test.vault).isEmpty)
    }

    @Test("Art. 15, 23: after withdrawal a transfer is refused and logged only as a denied read, not as a transfer", arguments: TestEngine.available)
    func withdrawnConsentStopsTransfers(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        _ = try await test.vault.grantConsent(subjectID: subject, purpose: "research-sharing")
        _ = try await test.vault.withdrawConsent(subjectID: subject, purpose: "research-sharing")
        await #expect { try await test.vault.transfer(TransferRequest(actor: Self.sender, subjectID: subject, purpose: "research-sharing", recipient: "provincial-cdc")) } throws: { error in
            (error as! VaultError).article == "PIPL Art. 15"
        }
        let events = try await TransparencyLogVaultTests.events(test.vault).map(\.event)
        #expect(!events.contains { $0.kind == .transfer })
        #expect(events.contains { $0.kind == .read && $0.decision == "deny" && $0.detail == "recipient:provincial-cdc" })
    }
}
