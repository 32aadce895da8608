import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// What a retention sweep did or, in a dry run, would do.
public struct SweepReport: Sendable, Hashable, Codable {
    /// Records past their deadline.
    public var due: Int
    /// Records deleted (0 in a dry run).
    public var deleted: Int
    /// Whether nothing was changed.
    public var dryRun: Bool
}

extension Vault {
    /// Deletes every record past its retention deadline (PIPL Art. 19, 47(1)2),
    /// page by page in constant memory, each with a deletion receipt.
    public func sweepRetention(dryRun: Bool = false, pageSize: Int = 2000) async throws -> SweepReport {
        let now = clock.now()
        if dryRun {
            return SweepReport(due: try await store.read { try await $0.countRecordsDue(at: now) }, deleted: 0, dryRun: true)
        }
        var deleted = 0
        while true {
            let page = try await store.read { try await $0.recordsDue(at: now, limit: pageSize) }
            if page.isEmpty { break }
            let receipts = page.map { record in
                DeletionReceiptRow(id: Identifiers.random(prefix: "del"), subjectID: record.subjectID, recordID: record.recordID, standard: record.standard,
                                   purpose: record.purpose, reason: "retention period ended", article: "PIPL Art. 19, 47(1)2", deletedAt: now)
            }
            try await store.write { try await $0.deleteRecords(page, receipts: receipts) }
            try await logDeletions(page, kind: .retentionDeletion, at: now, reason: "retention period ended")
            deleted += page.count
        }
        if deleted > 0 { logger.notice("retention sweep", metadata: ["deleted": "\(deleted)"]) }
        // Subjects whose deletion waited for a legal retention period are erased once it has run out (PIPL Art. 47(2)).
        _ = try await finishPendingErasures()
        return SweepReport(due: deleted, deleted: deleted, dryRun: false)
    }

    /// Deletion receipts, for one subject or the most recent overall.
    public func deletionReceipts(subjectID: String?, limit: Int = 1000) async throws -> [DeletionReceiptRow] {
        try await store.read { try await $0.deletionReceipts(subjectID: subjectID, limit: limit) }
    }

    /// Owed notices of an emergency (or all), produced ones only when asked.
    public func noticesOwed(emergencyID: String?, producedOnly: Bool) async throws -> [NoticeOwedRow] {
        try await store.read { try await $0.noticesOwed(emergencyID: emergencyID, producedOnly: producedOnly) }
    }
}
