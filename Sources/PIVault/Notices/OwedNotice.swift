import Foundation
import PIVaultCore
import PIVaultStore

/// A notice produced after an emergency for one subject (PIPL Art. 18): what
/// was collected without prior notice, under which emergency, and the notice
/// that would have been given, in Chinese and English. Holds ids, not values.
public struct OwedNotice: Sendable, Codable, Hashable {
    /// Subject.
    public var subjectID: String
    /// The record.
    public var recordID: String
    /// Purpose.
    public var purpose: String
    /// Emergency id.
    public var emergencyID: String
    /// Emergency name.
    public var emergency: String
    /// The legal instrument.
    public var legalReference: String
    /// When the record was collected.
    public var collectedAt: Date
    /// When the emergency ended.
    public var emergencyEndedAt: Date?
    /// Notice version.
    public var noticeVersion: String
    /// Notice text, Chinese.
    public var noticeZH: String
    /// Notice text, English.
    public var noticeEN: String
    /// Delivery status: `pending`, `delivered` or `failed`.
    public var delivery: String
    /// Delivery attempts.
    public var attempts: Int
}

extension Vault {
    /// The produced notices of an emergency, ready to export or deliver.
    public func owedNotices(emergencyID: String) async throws -> [OwedNotice] {
        guard let emergency = try await store.read({ try await $0.emergencies() }).first(where: { $0.id == emergencyID }) else {
            throw VaultError(.notFound, "emergency \(emergencyID) does not exist; list them with `pivault emergency list`")
        }
        let rows = try await noticesOwed(emergencyID: emergencyID, producedOnly: true)
        return rows.map { row in
            let zh = notices.notice(for: row.purpose, language: .zh)
            let en = notices.notice(for: row.purpose, language: .en)
            return OwedNotice(
                subjectID: row.subjectID, recordID: row.recordID, purpose: row.purpose, emergencyID: emergency.id, emergency: emergency.name,
                legalReference: emergency.legalReference, collectedAt: row.owedSince, emergencyEndedAt: emergency.endsAt,
                noticeVersion: zh?.version ?? "", noticeZH: zh?.text ?? "", noticeEN: en?.text ?? "",
                delivery: row.deliveredAt != nil ? "delivered" : (row.attempts > 0 ? "failed" : "pending"), attempts: row.attempts)
        }
    }
}
