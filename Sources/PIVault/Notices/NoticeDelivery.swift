import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PIVaultCore
import PIVaultStore

/// Delivers produced notices to a webhook (HTTP POST of one JSON notice),
/// retrying with exponential backoff, and records each outcome so delivery
/// status can be tracked and failed notices retried later.
public struct NoticeDelivery: Sendable {
    /// What a delivery run did.
    public struct Report: Sendable, Codable, Hashable {
        /// Notices delivered now.
        public var delivered: Int
        /// Notices that failed every attempt (kept for a later run).
        public var failed: Int
        /// Notices already delivered earlier.
        public var alreadyDelivered: Int
    }

    let vault: Vault
    let webhook: URL
    let attempts: Int
    let backoff: Duration

    /// Creates a delivery to `webhook` with `attempts` tries per notice.
    public init(vault: Vault, webhook: URL, attempts: Int = 3, backoff: Duration = .milliseconds(200)) {
        self.vault = vault
        self.webhook = webhook
        self.attempts = attempts
        self.backoff = backoff
    }

    /// Delivers every undelivered produced notice of the emergency.
    public func run(emergencyID: String) async throws -> Report {
        var report = Report(delivered: 0, failed: 0, alreadyDelivered: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let hook = Webhook(url: webhook, attempts: attempts, backoff: backoff)
        for notice in try await vault.owedNotices(emergencyID: emergencyID) {
            if notice.delivery == "delivered" { report.alreadyDelivered += 1; continue }
            let outcome = await hook.deliver(try encoder.encode(notice))
            let deliveredAt = outcome.delivered ? vault.clock.now() : nil
            try await vault.store.write {
                try await $0.recordDelivery(subjectID: notice.subjectID, recordID: notice.recordID, deliveredAt: deliveredAt, error: outcome.error)
            }
            if outcome.delivered { report.delivered += 1 } else { report.failed += 1 }
        }
        return report
    }
}
