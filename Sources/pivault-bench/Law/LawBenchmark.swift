import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// `pivault-bench law`: in-process policy decisions with 10 consents per
/// subject (goal ≥ 500,000/s on one core), and a retention sweep over
/// 1,000,000 records of which 10% are due (goal ≤ 60 s on SQLite, constant memory).
struct LawBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "law", abstract: "Policy decisions per second and a retention sweep over a million records.")

    @Option(help: "Policy decisions to time.") var decisions = 2_000_000
    @Option(help: "Records in the sweep table (0 to skip).") var records = 1_000_000

    func run() async throws {
        let configuration = try ConfigurationLoader.load(yaml: DemoConfiguration.yaml)
        let book = NoticeBook(configuration: configuration)
        let now = Date(timeIntervalSince1970: 1_650_000_000)
        var consents = (0..<9).map { Consent(purpose: "other-\($0)", grantedAt: now - 1000, noticeVersion: "v\($0)") }
        consents.append(Consent(purpose: "service-newsletter", grantedAt: now - 1000, noticeVersion: book.versions["service-newsletter"]))
        let context = PolicyContext(consents: consents, emergencies: [], now: now, noticeVersions: book.versions, assessedPurposes: Set(configuration.purposes.keys))
        let requests = [
            AccessRequest(actor: Actor(id: "a", role: "support"), subjectID: "sub_x", purpose: "service-newsletter"),
            AccessRequest(actor: Actor(id: "a", role: "support"), subjectID: "sub_x", purpose: "service-newsletter", fields: ["name", "resident_id"]),
            AccessRequest(actor: Actor(id: "a", role: "clinic-staff"), subjectID: "sub_x", purpose: "vaccination-record"),
            AccessRequest(actor: Actor(id: "a", role: "support"), subjectID: "sub_x", purpose: "vaccination-record"),
        ]
        var permitted = 0
        let seconds = await Measure.seconds {
            for index in 0..<decisions {
                if Policy.decide(requests[index & 3], configuration: configuration, context: context).outcome != .deny { permitted += 1 }
            }
        }
        print("law benchmark")
        print(String(format: "  policy decisions  : %10.0f decisions/s on one core (%d decisions, 10 consents per subject; goal ≥ 500,000/s)", Double(decisions) / seconds, decisions))
        precondition(permitted == decisions / 4 * 3)
        if records > 0 { try await sweepBenchmark() }
    }

    func sweepBenchmark() async throws {
        let bench = try await BenchVault.make()
        // The vault is closed on every path: an SQLite connection freed open is a crash in debug builds.
        do {
            try await sweep(bench)
            await bench.cleanUp()
        } catch {
            await bench.cleanUp()
            throw error
        }
    }

    func sweep(_ bench: BenchVault) async throws {
        let clock = Date()
        let store = bench.vault.store
        let total = records
        // Rows are written directly (sealed values are opaque to the sweep), 10 records per subject, every 10th due.
        // Subjects get real wrapped keys: each deletion enters the log under the subject's commitment.
        let keyring = bench.vault.keyring
        for start in stride(from: 0, to: (total + 9) / 10, by: 5_000) {
            let subjects = try (start..<min(start + 5_000, (total + 9) / 10)).map { index in
                let wrapped = try keyring.wrap(DataKey.generate(), for: "sub_\(index)")
                return (id: "sub_\(index)", keyVersion: wrapped.version, wrappedKey: wrapped.sealed, createdAt: clock - 86_400 * 200)
            }
            try await store.write { try await $0.insertSubjects(subjects) }
        }
        for start in stride(from: 0, to: total, by: 5_000) {
            let batch = (start..<min(start + 5_000, total)).map { index in
                StoredRecord(subjectID: "sub_\(index / 10)", recordID: "rec_\(index)", standard: "epidemic-registration", purpose: "contact-tracing",
                             collectedAt: clock - 86_400 * 200, retainUntil: index % 10 == 0 ? clock - 60 : clock + 86_400 * 365,
                             sealedFields: ["name": Data(repeating: 1, count: 40), "mobile": Data(repeating: 2, count: 44)], blindIndexes: [])
            }
            try await store.write { try await $0.insertRecords(batch) }
        }
        Measure.resetPeak()
        var report: SweepReport?
        let seconds = try await Measure.seconds { report = try await bench.vault.sweepRetention() }
        print(String(format: "  retention sweep   : %d of %d records deleted in %.1f s (%.0f records/s), each with a receipt; peak resident %.0f MiB (goal ≤ 60 s)",
                     report?.deleted ?? 0, total, seconds, Double(report?.deleted ?? 0) / seconds, Measure.peakResidentMiB()))
    }
}
