import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// Biometric information (PIPL Art. 26, 28–29, 47): only templates are kept,
/// apart from identity data under their own key; 1:1 matching inside the
/// vault; separate consent; the configuration checks; erasure.
@Suite("Biometrics and face data (PIPL Art. 26, 28–29)")
struct BiometricTests {
    static let gate = Actor(id: "gate-1", role: "gate-staff")
    static let face: [Double] = [0.9, 0.1, -0.3, 0.4, 0.2, -0.1, 0.05, 0.7]

    static func make(_ engine: TestEngine, filingThreshold: Int? = nil) async throws -> TestVault {
        try await TestVault.make(engine, yaml: BiometricConfiguration.yaml(filingThreshold: filingThreshold))
    }

    static func template(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

    static func enrol(_ vault: Vault, _ values: JSONValue = template(face), subject: String? = nil) async throws -> CollectionReceipt {
        try await vault.collect(Submission(standard: "face-enrolment", purpose: "venue-access", subjectID: subject, values: ["face": values], consentGiven: true))
    }

    static func templates(_ vault: Vault, _ subject: String) async throws -> [BiometricTemplateRow] {
        try await vault.store.read { try await $0.biometricTemplates(subjectID: subject, sealed: true) }
    }

    static func problems(_ yaml: String) -> [ConfigurationProblem] {
        ConfigurationLoader.check(yaml: yaml).1
    }

    // MARK: Configuration

    @Test("Art. 28–29: a biometric field loads with modality and dimensions, and its purposes need separate consent")
    func configurationLoads() throws {
        let configuration = try ConfigurationLoader.load(yaml: BiometricConfiguration.yaml())
        guard case .biometric(let spec)? = configuration.standards["face-enrolment"]?.field(named: "face")?.type else {
            Issue.record("face is not a biometric field")
            return
        }
        #expect(spec == BiometricSpec(modality: .face, dimensions: 8, rawCapture: true))
        let purpose = try #require(configuration.purposes["venue-access"])
        #expect(configuration.isBiometric(purpose) && configuration.requiresSeparateConsent(purpose))
        #expect(purpose.biometric.alternative?.contains("identity card") == true && purpose.biometric.setting == .private && purpose.biometric.threshold == 0.95)
        #expect(configuration.purposes["camera-search"]?.biometric.identification == true)
        #expect(configuration.biometricFilingThreshold == 100_000)
        #expect(try ConfigurationLoader.load(yaml: BiometricConfiguration.yaml(filingThreshold: 3)).biometricFilingThreshold == 3)
    }

    @Test("Art. 29: config check refuses a biometric purpose without an alternative, with line and column")
    func alternativeRequired() throws {
        let yaml = BiometricConfiguration.yaml().replacingOccurrences(of: "    alternative: Sign the attendance sheet\n", with: "")
        let problem = try #require(Self.problems(yaml).first { $0.message.contains("'alternative'") })
        #expect(problem.message.contains("clock-in") && problem.message.contains("PIPL Art. 29"))
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id: clock-in") }! + 1
        #expect(problem.line == line && problem.column > 1)
    }

    @Test("Art. 26: config check requires a setting and refuses public-place identification without a public-security basis")
    func settingAndIdentification() throws {
        let noSetting = BiometricConfiguration.yaml().replacingOccurrences(of: "    setting: private\n    match_threshold", with: "    match_threshold")
        #expect(Self.problems(noSetting).contains { $0.message.contains("venue-access") && $0.message.contains("'setting'") && $0.message.contains("PIPL Art. 26") })
        #expect(Self.problems(BiometricConfiguration.yaml()).isEmpty)
        let onConsent = BiometricConfiguration.yaml().replacingOccurrences(of: "basis: statutory-duty\n    standards: [face-enrolment]", with: "basis: consent\n    standards: [face-enrolment]")
        let problem = try #require(Self.problems(onConsent).first { $0.message.contains("1:N") })
        #expect(problem.message.contains("camera-search") && problem.message.contains("PIPL Art. 26") && problem.line > 0)
    }

    @Test("Art. 28: config check names a bad modality, missing dimensions and a biometric field in a non-sensitive category")
    func fieldDeclarationProblems() throws {
        let yaml = BiometricConfiguration.yaml()
            .replacingOccurrences(of: "modality: fingerprint, dimensions: 8, category: biometric", with: "modality: palm, category: basic")
        let problems = Self.problems(yaml)
        #expect(problems.contains { $0.message.contains("unknown modality 'palm'") })
        #expect(problems.contains { $0.message.contains("'dimensions'") })
        let notSensitive = BiometricConfiguration.yaml().replacingOccurrences(of: "dimensions: 8, category: biometric }\npurposes", with: "dimensions: 8, category: basic }\npurposes")
        #expect(Self.problems(notSensitive).contains { $0.message.contains("not sensitive") && $0.message.contains("PIPL Art. 28") })
    }

    @Test("Art. 17, 26, 29: the notice states the alternative, the setting and the separate consent")
    func notice() throws {
        let configuration = try ConfigurationLoader.load(yaml: BiometricConfiguration.yaml())
        let content = NoticeContent(purpose: configuration.purposes["venue-access"]!, configuration: configuration)
        #expect(content.biometricAlternative == "Show an identity card to the staff at the desk" && content.biometricSetting == .private)
        let english = NoticeRenderer.render(content, version: "v1", language: .en)
        #expect(english.contains("Show an identity card") && english.contains("capture outside public places") && english.contains("separate consent"))
        #expect(NoticeRenderer.render(content, version: "v1", language: .zh).contains("改用"))
    }

    // MARK: Collection and matching

    @Test("Art. 28–29: a template is collected apart from identity data, matched 1:1 inside the vault, and each match is logged", arguments: TestEngine.available)
    func collectAndMatch(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        let stored = try await Self.templates(test.vault, receipt.subjectID)
        #expect(stored.count == 1 && stored[0].modality == "face" && stored[0].dimensions == 8 && !stored[0].derivedFromRaw)
        let fields = try await test.vault.store.read { try await $0.sealedFields(subjectID: receipt.subjectID, standards: ["face-enrolment"], fields: ["face"]) }
        #expect(fields.isEmpty)
        let same = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access",
                                                                             template: Self.template(Self.face.map { $0 * 1.01 + 0.001 })))
        #expect(same.match && same.score > 0.99 && same.threshold == 0.95)
        let other = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access",
                                                                              template: Self.template(Self.face.reversed())))
        #expect(!other.match && other.score < 0.95)
        let events = try await TransparencyLogVaultTests.events(test.vault).map(\.event)
        #expect(events.contains { $0.kind == .biometricCollection && $0.fields == ["face"] && $0.detail == "face" })
        let matches = events.filter { $0.kind == .biometricMatch }
        #expect(matches.map(\.decision) == ["match", "no-match"] && matches.allSatisfy { $0.purpose == "venue-access" && $0.actor == "gate-1" })
    }

    @Test("Art. 28: identity reads never fetch or return templates — a read asking for one is denied with the article", arguments: TestEngine.available)
    func identityReadsExcludeTemplates(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        let result = try await test.vault.read(AccessRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access"))
        #expect(result.decision.outcome == .deny && result.decision.denials.map(\.article) == ["PIPL Art. 28"] && result.decision.fieldsToDecrypt.isEmpty)
        #expect(result.records.allSatisfy { $0.values["face"] == nil && $0.masked["face"] == nil })
        let events = try await TransparencyLogVaultTests.events(test.vault).map(\.event).filter { $0.kind == .read }
        #expect(events.map(\.decision) == ["deny"])
    }

    @Test("Art. 28: a template of the wrong size, with a non-finite value or of the wrong modality is refused naming the rule; nothing is stored", arguments: TestEngine.available)
    func badTemplates(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let cases: [(JSONValue, String)] = [
            (Self.template(Array(Self.face.prefix(5))), "has 5 values but the standard declares 8 dimensions"),
            (Self.template(Self.face.dropLast() + [Double.nan]), "value 7 of the template is not a finite number"),
            (.object(["modality": .string("iris"), "template": Self.template(Self.face)]), "declares modality 'face'"),
            (Self.template([Double](repeating: 0, count: 8)), "all zeros"),
            (.string("face.png"), "expected a template"),
        ]
        for (value, rule) in cases {
            let error = try await #require(throws: VaultError.self) { _ = try await Self.enrol(test.vault, value) }
            #expect(error.code == .invalidInput && error.fieldPath == "face" && error.message.contains(rule) && error.message.contains("nothing was stored"))
        }
        let counts = try await test.vault.store.read { try await ($0.counts(), $0.biometricSubjectCount()) }
        #expect(counts.0.records == 0 && counts.0.subjects == 0 && counts.1 == 0)
    }

    @Test("Art. 28–29: a raw image is refused unless the standard declares raw capture", arguments: TestEngine.available)
    func rawImageRefused(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let image = JSONValue.object(["image": .string(Data((0..<64).map { UInt8($0 * 3) }).base64EncodedString())])
        let error = try await #require(throws: VaultError.self) {
            _ = try await test.vault.collect(Submission(standard: "fingerprint-enrolment", purpose: "clock-in", values: ["fingerprint": image], consentGiven: true))
        }
        #expect(error.message.contains("raw_capture: true") && error.article == "PIPL Art. 28–29")
        #expect(try await test.vault.store.read { try await $0.counts().records } == 0)
    }

    @Test("Art. 28–29: a raw capture yields a derived template; the bytes are never stored, their deletion is logged, and neither they nor the template plaintext are in the database file", arguments: [TestEngine.sqlite])
    func rawCaptureDerivedAndDiscarded(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let bytes = Data((0..<256).map { UInt8(($0 * 37 + 11) % 251) })
        let receipt = try await Self.enrol(test.vault, .object(["modality": .string("face"), "image": .string(bytes.base64EncodedString())]))
        let stored = try #require(try await Self.templates(test.vault, receipt.subjectID).first)
        #expect(stored.derivedFromRaw)
        let derived = try #require(BiometricTemplate.derive(from: bytes, dimensions: 8))
        #expect(abs(derived.reduce(0) { $0 + $1 * $1 } - 1) < 1e-9)
        let match = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template(derived)))
        #expect(match.match && match.score > 0.9999)
        let events = try await TransparencyLogVaultTests.events(test.vault).map(\.event)
        let deletion = try #require(events.first { $0.kind == .rawCaptureDeletion })
        #expect(deletion.fields == ["face"] && deletion.purpose == "venue-access" && !String(decoding: deletion.leafData, as: UTF8.self).contains(bytes.base64EncodedString().prefix(12)))
        try await test.vault.close()
        var database = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: test.directory) {
            database.append(try Data(contentsOf: URL(fileURLWithPath: test.directory + "/" + name)))
        }
        #expect(!database.isEmpty)
        #expect(database.range(of: bytes.prefix(32)) == nil)
        #expect(database.range(of: Data(bytes.base64EncodedString().utf8).prefix(32)) == nil)
        #expect(database.range(of: BiometricTemplate(values: derived, modality: .face).encoded.prefix(16)) == nil)
    }

    @Test("Art. 13–15, 29: a match needs the subject's live separate consent; a refused match is logged as denied", arguments: TestEngine.available)
    func matchNeedsConsent(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        _ = try await test.vault.withdrawConsent(subjectID: receipt.subjectID, purpose: "venue-access")
        let error = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template(Self.face)))
        }
        #expect(error.code == .denied && error.article == "PIPL Art. 15")
        let denied = try await TransparencyLogVaultTests.events(test.vault).map(\.event).filter { $0.kind == .biometricMatch }
        #expect(denied.map(\.decision) == ["deny"])
        let wrongRole = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Actor(id: "s", role: "support"), subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template(Self.face)))
        }
        #expect(wrongRole.article == "PIPL Art. 51")
    }

    @Test("Art. 26: 1:N identification purposes are refused for matching; a probe of the wrong size is refused naming the rule", arguments: TestEngine.available)
    func identificationAndBadProbe(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        let identification = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Actor(id: "p", role: "police"), subjectID: receipt.subjectID, purpose: "camera-search", template: Self.template(Self.face)))
        }
        #expect(identification.code == .denied && identification.article == "PIPL Art. 26")
        let short = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template([1, 2])))
        }
        #expect(short.code == .invalidInput && short.message.contains("declares 8 dimensions"))
        let notBiometric = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "service-newsletter", template: Self.template(Self.face)))
        }
        #expect(notBiometric.code == .invalidInput)
    }

    @Test("Art. 47: erasing the subject destroys the biometric key and the templates with the data key", arguments: TestEngine.available)
    func erasure(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        _ = try await Self.enrol(test.vault, subject: receipt.subjectID)
        #expect(try await Self.templates(test.vault, receipt.subjectID).count == 2)
        _ = try await test.vault.erase(receipt.subjectID)
        #expect(try await Self.templates(test.vault, receipt.subjectID).isEmpty)
        #expect(try await test.vault.store.read { try await $0.biometricKey(receipt.subjectID) } == nil)
        let error = try await #require(throws: VaultError.self) {
            _ = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template(Self.face)))
        }
        #expect(error.code == .erased)
    }

    @Test("Art. 9, 51: rotating the master key re-wraps biometric keys too; the old version retires and matching still works", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let receipt = try await Self.enrol(test.vault)
        _ = try await test.vault.rotate(to: MasterKey.generate(version: 2))
        #expect(try await test.vault.store.read { try await $0.biometricKeyCounts() } == [2: 1])
        try await test.vault.retire(version: 1)
        let result = try await test.vault.matchBiometric(BiometricMatchRequest(actor: Self.gate, subjectID: receipt.subjectID, purpose: "venue-access", template: Self.template(Self.face)))
        #expect(result.match)
    }

    @Test("Art. 55: a biometric purpose collects and matches nothing until its impact assessment is recorded", arguments: TestEngine.available)
    func assessmentRequired(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine, assessed: false, yaml: BiometricConfiguration.yaml())
        defer { Task { await test.finish() } }
        let error = try await #require(throws: VaultError.self) { _ = try await Self.enrol(test.vault) }
        #expect(error.code == .denied && error.article?.contains("Art. 55") == true)
        #expect(try await test.vault.store.read { try await $0.biometricSubjectCount() } == 0)
    }

    @Test("Art. 15, 19, 47: a template goes with its record — at the end of retention and when the consent it rests on is withdrawn", arguments: TestEngine.available)
    func templatesFollowTheirRecord(engine: TestEngine) async throws {
        let test = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let kept = try await Self.enrol(test.vault)
        test.clock.advance(by: 400 * 86_400)
        let report = try await test.vault.sweepRetention()
        #expect(report.deleted == 1)
        #expect(try await Self.templates(test.vault, kept.subjectID).isEmpty)
        let withdrawn = try await Self.enrol(test.vault)
        let outcome = try await test.vault.withdrawConsent(subjectID: withdrawn.subjectID, purpose: "venue-access")
        #expect(outcome.recordsDeleted == 1)
        #expect(try await Self.templates(test.vault, withdrawn.subjectID).isEmpty)
        #expect(try await test.vault.biometricFiling().subjects == 0)
    }
}
