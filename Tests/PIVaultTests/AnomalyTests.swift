import Foundation
import Synchronization
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

/// Anomaly rules on the access stream (PIPL Art. 51, 57) on every engine:
/// sliding windows per actor, alerts as a log line, a stored row, a
/// transparency-log event and a webhook, and suspension of the actor.
@Suite("Anomaly rules on the access stream (PIPL Art. 51, 57)")
struct AnomalyTests {
    final class Recorder: Sendable {
        let bodies = Mutex<[(URL, Data)]>([])
        var count: Int { bodies.withLock { $0.count } }
        var texts: [String] { bodies.withLock { $0.map { String(decoding: $0.1, as: UTF8.self) } } }
    }

    static func make(_ engine: TestEngine, anomaly: String = SharingConfiguration.anomaly) async throws -> (TestVault, Recorder) {
        let test = try await TestVault.make(engine, yaml: SharingConfiguration.yaml(anomaly: anomaly))
        let recorder = Recorder()
        test.vault.alerts.setWebhookTransport { url, body in recorder.bodies.withLock { $0.append((url, body)) } }
        return (test, recorder)
    }

    static func collect(_ test: TestVault, count: Int) async throws -> [String] {
        var subjects: [String] = []
        for _ in 0..<count { subjects.append(try await test.collectPerson().subjectID) }
        return subjects
    }

    @Test("Art. 51, 57: config check reports unknown rule kinds, bad windows, missing baselines, bad time zones and hours with positions")
    func configurationChecks() throws {
        let bad = """
        anomaly:
          time_zone: Mars/Olympus
          working_hours: 20:00-08:00
          webhook: ftp://example.cn
          rules:
            - { id: a, kind: telepathy }
            - { id: b, kind: distinct-subjects, window: 1w, baseline: 3 }
            - { id: c, kind: repeated-denials }
            - { id: d, kind: bulk-export, baseline: 1, role_baselines: { ghost-role: 5 } }

        """
        let problems = ConfigurationLoader.check(yaml: SharingConfiguration.yaml(anomaly: bad)).1.map(\.message)
        #expect(problems.contains { $0.contains("unknown time zone 'Mars/Olympus'") })
        #expect(problems.contains { $0.contains("working_hours '20:00-08:00'") })
        #expect(problems.contains { $0.contains("anomaly.webhook") })
        #expect(problems.contains { $0.contains("unknown kind 'telepathy'") })
        #expect(problems.contains { $0.contains("window '1w'") })
        #expect(problems.contains { $0.contains("needs a 'baseline'") })
        #expect(problems.contains { $0.contains("unknown key 'ghost-role'") })
        let configuration = try ConfigurationLoader.load(yaml: SharingConfiguration.yaml())
        #expect(configuration.anomaly.rules.map(\.id) == ["many-subjects", "denials", "bulk-export"])
        #expect(configuration.anomaly.rules[0].window == 3600 && configuration.anomaly.rules[0].suspend)
    }

    @Test("Art. 51, 57: reading more distinct subjects than the baseline raises one alert, suspends the actor and stops its reads", arguments: TestEngine.available)
    func distinctSubjectsSuspend(engine: TestEngine) async throws {
        let (test, recorder) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subjects = try await Self.collect(test, count: 5)
        for subject in subjects.prefix(3) {
            // Reading the same subject again does not count twice.
            _ = try await test.read(subject)
            _ = try await test.read(subject)
        }
        #expect(try await test.vault.anomalyAlerts().isEmpty)
        _ = try await test.read(subjects[3])
        let alerts = try await test.vault.anomalyAlerts()
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.ruleID == "many-subjects" && alert.actor == "staff-7" && alert.observed == 4 && alert.baseline == 3 && alert.suspended)
        await #expect { try await test.read(subjects[4]) } throws: { error in
            let error = error as! VaultError
            return error.code == .denied && error.article == "PIPL Art. 51" && error.message.contains("suspended") && error.message.contains("many-subjects")
        }
        // Another actor is not affected.
        #expect(try await test.vault.read(AccessRequest(actor: Actor(id: "staff-8", role: "epidemiologist"), subjectID: subjects[4], purpose: "contact-tracing")).decision.outcome == .permit)
        // The alert: a structured log line, a log event, and the webhook — none with personal data.
        await test.vault.alerts.waitForDeliveries()
        #expect(recorder.count == 1 && recorder.texts[0].contains("many-subjects") && recorder.texts[0].contains("staff-7"))
        let line = try #require(test.logs.all.first { $0.contains("anomaly alert") })
        #expect(line.hasPrefix("warning") && line.contains("many-subjects") && line.contains("staff-7"))
        let events = try await TransparencyLogVaultTests.events(test.vault).map(\.event).filter { $0.kind == .anomalyAlert }
        #expect(events.count == 1 && events[0].decision == "suspend" && events[0].subject == nil)
        let text = test.logs.all.joined() + recorder.texts.joined()
        for value in TestVault.personalValues { #expect(!text.contains(value)) }
        // The suspension survives a restart, and an administrator can lift it.
        try await test.vault.close()
        let reopened = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger(), yaml: SharingConfiguration.yaml())
        #expect(reopened.alerts.suspension(of: "staff-7")?.ruleID == "many-subjects")
        try await reopened.liftSuspension(actor: "staff-7", by: "admin-1")
        test.clock.advance(by: 3601)
        #expect(try await reopened.read(AccessRequest(actor: Actor(id: "staff-7", role: "epidemiologist"), subjectID: subjects[4], purpose: "contact-tracing")).decision.outcome == .permit)
        await #expect(throws: VaultError.self) { try await reopened.liftSuspension(actor: "staff-7", by: "admin-1") }
        try await reopened.close()
    }

    @Test("Art. 51: a suspension raised by one process reaches another sharing the database, and so does its lifting", arguments: TestEngine.available)
    func suspensionsShared(engine: TestEngine) async throws {
        let (test, _) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let other = try await TestVault.openVault(location: test.location, keyring: test.keyring, clock: test.clock, logger: test.logs.logger(), yaml: SharingConfiguration.yaml())
        let subjects = try await Self.collect(test, count: 4)
        for subject in subjects { _ = try await test.read(subject) }
        #expect(test.vault.alerts.suspension(of: "staff-7") != nil && other.alerts.suspension(of: "staff-7") == nil)
        try await other.refreshSuspensions()
        await #expect(throws: VaultError.self) {
            try await other.read(AccessRequest(actor: Actor(id: "staff-7", role: "epidemiologist"), subjectID: subjects[0], purpose: "contact-tracing"))
        }
        try await other.liftSuspension(actor: "staff-7", by: "admin-1")
        test.clock.advance(by: 60)
        try await test.vault.refreshSuspensions()
        #expect(test.vault.alerts.suspension(of: "staff-7") == nil)
        try await other.close()
    }

    @Test("Art. 51: denials decided before the policy (a role refused at the door) count toward repeated denials", arguments: TestEngine.available)
    func observedDenials(engine: TestEngine) async throws {
        let (test, _) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        for _ in 0..<3 { await test.vault.observeDenial(Actor(id: "tok_x", role: "support")) }
        let alert = try #require(try await test.vault.anomalyAlerts().first)
        #expect(alert.ruleID == "denials" && alert.actor == "tok_x")
    }

    @Test("Art. 51: a role's own baseline replaces the rule's for actors in that role", arguments: TestEngine.available)
    func roleBaselines(engine: TestEngine) async throws {
        let rules = """
        anomaly:
          rules:
            - { id: many-subjects, kind: distinct-subjects, window: 1h, baseline: 1, role_baselines: { epidemiologist: 3 } }

        """
        let (test, _) = try await Self.make(engine, anomaly: rules)
        defer { Task { await test.finish() } }
        let subjects = try await Self.collect(test, count: 4)
        for subject in subjects.prefix(3) { _ = try await test.read(subject) }
        #expect(try await test.vault.anomalyAlerts().isEmpty)
        _ = try await test.read(subjects[3])
        #expect(try await test.vault.anomalyAlerts().first.map { ($0.observed, $0.baseline) }! == (4, 3))
    }

    @Test("Art. 51: the window slides — reads spread over time stay under the baseline", arguments: TestEngine.available)
    func windowSlides(engine: TestEngine) async throws {
        let (test, _) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subjects = try await Self.collect(test, count: 6)
        for subject in subjects {
            _ = try await test.read(subject)
            test.clock.advance(by: 1300)
        }
        #expect(try await test.vault.anomalyAlerts().isEmpty)
    }

    @Test("Art. 51, 57: repeated denials raise an alert without suspending when the rule does not say so", arguments: TestEngine.available)
    func repeatedDenials(engine: TestEngine) async throws {
        let (test, _) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        for _ in 0..<3 { _ = try await test.read(subject, purpose: "research-sharing", role: "support") }
        let alert = try #require(try await test.vault.anomalyAlerts().first)
        #expect(alert.ruleID == "denials" && alert.observed == 3 && !alert.suspended)
        #expect(test.vault.alerts.suspension(of: "staff-7") == nil)
        // Within the window the rule does not fire again.
        _ = try await test.read(subject, purpose: "research-sharing", role: "support")
        #expect(try await test.vault.anomalyAlerts().count == 1)
    }

    @Test("Art. 51, 57: bulk exports — transfers above the baseline — raise an alert", arguments: TestEngine.available)
    func bulkExport(engine: TestEngine) async throws {
        let (test, _) = try await Self.make(engine)
        defer { Task { await test.finish() } }
        let subjects = try await Self.collect(test, count: 3)
        for subject in subjects {
            _ = try await test.vault.transfer(TransferRequest(actor: Actor(id: "exporter", role: "support"), subjectID: subject, purpose: "lab-processing",
                                                              recipient: "cloud-lab", fields: ["name"]))
        }
        let alert = try #require(try await test.vault.anomalyAlerts().first)
        #expect(alert.ruleID == "bulk-export" && alert.observed == 3 && alert.actor == "exporter")
    }

    @Test("Art. 51: reads outside working hours in the configured time zone raise an alert", arguments: TestEngine.available)
    func outsideHours(engine: TestEngine) async throws {
        let rules = """
        anomaly:
          time_zone: Asia/Shanghai
          working_hours: 09:00-18:00
          rules:
            - { id: night, kind: outside-hours, suspend: false }

        """
        let (test, _) = try await Self.make(engine, anomaly: rules)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        // 2022-04-01T00:01Z is 08:01 in Shanghai: before 09:00.
        _ = try await test.read(subject)
        #expect(try await test.vault.anomalyAlerts().first?.ruleID == "night")
        // 03:00Z is 11:00 in Shanghai: inside working hours, and after the cool-down no new alert.
        test.clock.advance(by: 3 * 3600)
        _ = try await test.read(subject)
        #expect(try await test.vault.anomalyAlerts().count == 1)
    }

    @Test("Art. 51: below every baseline a long mixed stream raises no alert (its cost is measured by `pivault-bench anomaly`)")
    func quietBelowBaselines() throws {
        let configuration = try ConfigurationLoader.load(yaml: SharingConfiguration.yaml())
        var policy = configuration.anomaly
        policy.rules = policy.rules.filter { $0.kind != .outsideHours }.map { var rule = $0; rule.baseline = 1_000_000; return rule }
        let monitor = AnomalyMonitor(policy: policy)
        var time = Date(timeIntervalSince1970: 1_650_000_000)
        var hits = 0
        for index in 0..<20_000 {
            hits += monitor.observe(.init(actor: Actor(id: "actor-\(index % 50)", role: "r"), subject: "sub-\(index % 5000)", denied: index % 7 == 0, export: false, time: time)).count
            time.addTimeInterval(0.05)
        }
        #expect(hits == 0)
    }
}
