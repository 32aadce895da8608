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
        for notice in try await vault.owedNotices(emergencyID: emergencyID) {
            if notice.delivery == "delivered" { report.alreadyDelivered += 1; continue }
            let body = try encoder.encode(notice)
            var lastError: String?
            var delivered = false
            for attempt in 0..<attempts {
                if attempt > 0 { try await Task.sleep(for: backoff * (1 << (attempt - 1))) }
                do {
                    try await post(body)
                    delivered = true
                    break
                } catch {
                    lastError = String(describing: error).prefix(200).description
                }
            }
            let deliveredAt = delivered ? vault.clock.now() : nil
            let failure = delivered ? nil : lastError
            try await vault.store.write {
                try await $0.recordDelivery(subjectID: notice.subjectID, recordID: notice.recordID, deliveredAt: deliveredAt, error: failure)
            }
            if delivered { report.delivered += 1 } else { report.failed += 1 }
        }
        return report
    }

    func post(_ body: Data) async throws {
        var request = URLRequest(url: webhook)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 10
        let (_, response) = try await URLSession.shared.upload(for: request, from: body)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw VaultError(.storageUnavailable, "the webhook answered status \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
    }
}
