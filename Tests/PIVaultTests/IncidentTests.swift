import Foundation
import Synchronization
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

/// Incidents and breach notices (PIPL Art. 57) on every engine.
@Suite("Incidents and breach notices (PIPL Art. 57)")
struct IncidentTests {
    static func report(subjects: [String], categories: [String] = ["health", "contact"]) -> IncidentReport {
        IncidentReport(summary: "A misconfigured export share exposed registration records", occurredAt: TestVault.start,
                       categories: categories, subjects: subjects, cause: "An export folder was shared without authentication",
                       harm: "Phishing calls using health details", measures: "The share was closed and access keys rotated",
                       advice: "Ignore calls asking for verification codes")
    }

    static func incidentCount(_ vault: Vault) async throws -> Int { try await vault.incidents().count }

    @Test("Art. 57: an incident is recorded with what, when, categories, subjects affected, cause and measures, and enters the log", arguments: TestEngine.available)
    func record(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let row = try await test.vault.recordIncident(Self.report(subjects: [subject, subject]), by: "officer-1")
        #expect(row.categories == ["contact", "health"] && row.affectedCount == 1 && row.recordedBy == "officer-1")
        let (stored, subjects) = try await test.vault.incident(row.id)
        #expect(stored == row && subjects == [subject])
        #expect(try await test.vault.incidents().map(\.id) == [row.id])
        let event = try #require(try await TransparencyLogVaultTests.events(test.vault).map(\.event).first { $0.kind == .incident })
        #expect(event.detail?.contains(row.id) == true && event.subject == nil)
    }

    @Test("Art. 57: an incident with no categories is refused with a clear error naming the rule; nothing is stored", arguments: TestEngine.available)
    func noCategories(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        await #expect { try await test.vault.recordIncident(Self.report(subjects: [subject], categories: []), by: "o") } throws: { error in
            let error = error as! VaultError
            return error.code == .invalidInput && error.fieldPath == "categories" && error.article == "PIPL Art. 57(1)1" && error.message.contains("at least one data category")
        }
        #expect(try await Self.incidentCount(test.vault) == 0)
    }

    @Test("Art. 57: unknown categories, missing cause or measures, future times and unknown subjects are refused; nothing is stored", arguments: TestEngine.available)
    func badInput(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        var unknown = Self.report(subjects: [subject], categories: ["telepathy"])
        await #expect { try await test.vault.recordIncident(unknown, by: "o") } throws: { ($0 as! VaultError).message.contains("unknown data category 'telepathy'") }
        unknown = Self.report(subjects: [subject])
        unknown.cause = "  "
        await #expect { try await test.vault.recordIncident(unknown, by: "o") } throws: { ($0 as! VaultError).fieldPath == "cause" }
        unknown = Self.report(subjects: [subject])
        unknown.measures = ""
        await #expect { try await test.vault.recordIncident(unknown, by: "o") } throws: { ($0 as! VaultError).article == "PIPL Art. 57(1)2" }
        unknown = Self.report(subjects: [subject])
        unknown.occurredAt = test.clock.now().addingTimeInterval(3600)
        await #expect { try await test.vault.recordIncident(unknown, by: "o") } throws: { ($0 as! VaultError).fieldPath == "occurredAt" }
        await #expect { try await test.vault.recordIncident(Self.report(subjects: [subject, "sub_missing"]), by: "o") } throws: { error in
            let error = error as! VaultError
            return error.code == .notFound && error.message.contains("sub_missing")
        }
        await #expect { try await test.vault.recordIncident(Self.report(subjects: []), by: "o") } throws: { ($0 as! VaultError).fieldPath == "subjects" }
        #expect(try await Self.incidentCount(test.vault) == 0)
    }

    @Test("Art. 57: notify produces a notice to the authority and one per affected person, in zh-CN and en, with every required element", arguments: TestEngine.available)
    func notify(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let first = try await test.collectPerson().subjectID
        let second = try await test.collectPerson().subjectID
        let incident = try await test.vault.recordIncident(Self.report(subjects: [first, second]), by: "officer-1")
        let notices = try await test.vault.notifyIncident(incident.id, by: "officer-1")
        #expect(notices.map(\.audience).sorted() == ["authority", "subject", "subject"])
        #expect(Set(notices.compactMap(\.subjectID)) == [first, second])
        let person = try #require(notices.first { $0.subjectID == first })
        for text in [person.textEN] {
            #expect(text.contains("Health") && text.contains("(sensitive)"))                       // categories involved
            #expect(text.contains("shared without authentication"))                                // cause
            #expect(text.contains("Phishing calls"))                                               // possible harm
            #expect(text.contains("share was closed"))                                             // remedies taken
            #expect(text.contains("Ignore calls"))                                                 // what the person can do
            #expect(text.contains("privacy@health.example.cn") && text.contains("pipo@health.example.cn")) // contact
        }
        #expect(person.textZH.contains("涉及的个人信息种类") && person.textZH.contains("可能造成的危害") && person.textZH.contains("已采取的补救措施") && person.textZH.contains("第五十七条"))
        let authority = try #require(notices.first { $0.audience == "authority" })
        #expect(authority.textEN.contains("People affected: 2") && authority.textZH.contains("受影响人数：2"))
        #expect(notices.allSatisfy { $0.delivery == "pending" && $0.attempts == 0 })
        for notice in notices { for value in TestVault.personalValues { #expect(!notice.textZH.contains(value) && !notice.textEN.contains(value)) } }
        // Producing again keeps the same notices.
        #expect(try await test.vault.notifyIncident(incident.id, by: "officer-1").count == 3)
        #expect(try await test.vault.incident(incident.id).incident.notifiedAt != nil)
    }

    @Test("Art. 57(2): when measures effectively avoid harm only the authority is notified, with the reason; notifying again reaches the people", arguments: TestEngine.available)
    func individualsExempt(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let incident = try await test.vault.recordIncident(Self.report(subjects: [subject]), by: "officer-1")
        await #expect { try await test.vault.notifyIncident(incident.id, by: "o", individualsExemption: " ") } throws: { error in
            (error as! VaultError).article == "PIPL Art. 57(2)"
        }
        #expect(try await test.vault.incidentNotices(incident.id).isEmpty)
        let exempt = try await test.vault.notifyIncident(incident.id, by: "officer-1", individualsExemption: "The leaked files were encrypted and the key was not exposed")
        #expect(exempt.map(\.audience) == ["authority"])
        #expect(exempt[0].textEN.contains("have not been notified") && exempt[0].textEN.contains("key was not exposed") && exempt[0].textZH.contains("第五十七条第二款"))
        // The authority requires notification: notifying again without the exemption reaches the people.
        let all = try await test.vault.notifyIncident(incident.id, by: "officer-1")
        #expect(all.map(\.audience).sorted() == ["authority", "subject"])
        #expect(all.first { $0.audience == "authority" }?.textEN.contains("notified individually") == true)
    }

    @Test("Art. 57: notices are exported as files and delivered by webhook with delivery tracked (status, attempts)", arguments: TestEngine.available)
    func exportAndDeliver(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await test.collectPerson().subjectID
        let incident = try await test.vault.recordIncident(Self.report(subjects: [subject]), by: "officer-1")
        await #expect { try await test.vault.deliverIncidentNotices(incident.id, to: Webhook(url: URL(string: "https://x.example")!)) } throws: { error in
            (error as! VaultError).message.contains("pivault incident notify")
        }
        _ = try await test.vault.notifyIncident(incident.id, by: "officer-1")
        let folder = URL(fileURLWithPath: test.directory).appendingPathComponent("notices")
        let files = try await test.vault.exportIncidentNotices(incident.id, to: folder)
        #expect(files.count == 4)
        let text = try String(contentsOf: folder.appendingPathComponent("\(incident.id)-subject-\(subject).txt"), encoding: .utf8)
        #expect(text.contains("个人信息安全事件告知书") && text.contains("Notice of a personal information incident"))
        // The receiver refuses the person's notice twice, then accepts everything.
        let calls = Mutex<[String]>([])
        let failing = Webhook(url: URL(string: "https://notify.example.cn/hook")!, attempts: 2, backoff: .milliseconds(1)) { _, body in
            let text = String(decoding: body, as: UTF8.self)
            calls.withLock { $0.append(text) }
            if text.contains("\"audience\":\"subject\"") { throw VaultError(.storageUnavailable, "the webhook answered status 503") }
        }
        let first = try await test.vault.deliverIncidentNotices(incident.id, to: failing)
        #expect(first.delivered == 1 && first.failed == 1)
        var notices = try await test.vault.incidentNotices(incident.id)
        #expect(notices.first { $0.audience == "authority" }?.delivery == "delivered")
        #expect(notices.first { $0.audience == "subject" }.map { ($0.delivery, $0.attempts) }! == ("failed", 2))
        let working = Webhook(url: URL(string: "https://notify.example.cn/hook")!) { _, _ in }
        let second = try await test.vault.deliverIncidentNotices(incident.id, to: working)
        #expect(second.delivered == 1 && second.alreadyDelivered == 1 && second.failed == 0)
        notices = try await test.vault.incidentNotices(incident.id)
        #expect(notices.allSatisfy { $0.delivery == "delivered" })
        #expect(notices.first { $0.audience == "subject" }?.attempts == 3)
    }
}
