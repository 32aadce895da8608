import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The bases under which a law, or a declared emergency, may require a record to be kept although deletion was asked for (PIPL Art. 47(2)).
    static let retainingBases: Set<LegalBasis> = [.statutoryDuty, .otherLaw, .publicHealthEmergency]

    /// Deletes what a deletion request reaches (PIPL Art. 47). With no legal
    /// retention period running, the subject is crypto-shredded: the data key
    /// is destroyed, then the rows. Records a law still requires to be kept
    /// are restricted to storage and protection instead, every read denied, and
    /// the subject is erased by the retention sweep once the last one is gone.
    func fulfilDeletion(subjectID: String, requestID: String) async throws -> [String] {
        let now = clock.now()
        let emergencies = try await activeEmergencies()
        let (records, consents) = try await store.read { session in
            (try await session.recordSummaries(subjectID: subjectID), try await session.consents(subjectID: subjectID))
        }
        let retained = records.filter { record in
            guard let purpose = configuration.purposes[record.purpose], Self.retainingBases.contains(purpose.basis), record.retainUntil > now else { return false }
            return purpose.basis != .publicHealthEmergency || emergencies.contains { $0.covers(purpose.id, at: now) }
        }
        if retained.isEmpty {
            let receipt = try await erase(subjectID)
            try await store.write { try await $0.deleteRightsData(subjectID: subjectID) }
            return ["subject crypto-shredded: data key destroyed, then \(receipt.recordsDeleted) record(s) deleted (PIPL Art. 47(1))"]
        }
        let retainedIDs = Set(retained.map(\.recordID))
        let deletable = records.filter { !retainedIDs.contains($0.recordID) }.map {
            RecordRef(subjectID: subjectID, recordID: $0.recordID, standard: $0.standard, purpose: $0.purpose, retainUntil: $0.retainUntil)
        }
        let receipts = deletable.map {
            DeletionReceiptRow(id: Identifiers.random(prefix: "del"), subjectID: subjectID, recordID: $0.recordID, standard: $0.standard, purpose: $0.purpose,
                               reason: "deletion requested by the individual", article: "PIPL Art. 47(1)", deletedAt: now)
        }
        let restrictions = retained.map { record in
            RestrictionRow(subjectID: subjectID, recordID: record.recordID, requestID: requestID,
                           reason: "deletion was requested, but the retention period of purpose '\(record.purpose)' required by law runs until \(ISODate.formatDate(record.retainUntil)); the record is kept for storage and protection only and deleted when it ends",
                           article: "PIPL Art. 47(2)", since: now)
        }
        let livePurposes = Set(consents.filter { $0.withdrawnAt == nil }.map(\.purpose)).sorted()
        try await store.write { session in
            for purpose in livePurposes { _ = try await session.withdrawConsents(subjectID: subjectID, purpose: purpose, at: now) }
            try await session.deleteRecords(deletable, receipts: receipts)
            try await session.insertRestrictions(restrictions)
            try await session.insertPendingErasure(subjectID: subjectID, requestID: requestID, at: now)
        }
        try await logDeletions(deletable, kind: .deletion, at: now, reason: "deletion requested by the individual")
        logger.info("deletion restricted by retention", metadata: ["subject": "\(subjectID)", "deleted": "\(deletable.count)", "restricted": "\(retained.count)"])
        let until = retained.map(\.retainUntil).max().map(ISODate.formatDate) ?? ""
        return ["\(deletable.count) record(s) deleted (PIPL Art. 47(1))",
                "\(retained.count) record(s) under a legal retention period restricted to storage and protection; erased when it ends (until \(until), PIPL Art. 47(2))"]
            + (livePurposes.isEmpty ? [] : ["consent withdrawn for: \(livePurposes.joined(separator: ", "))"])
    }

    /// Restricts the subject's records (of one purpose, or all) to storage and protection (PIPL Art. 44): every read is denied with the reason.
    func restrict(subjectID: String, purpose: String?, requestID: String) async throws -> Int {
        let now = clock.now()
        let records = try await store.read { try await $0.recordSummaries(subjectID: subjectID) }.filter { purpose == nil || $0.purpose == purpose }
        guard !records.isEmpty else {
            throw VaultError(.conflict, "subject \(subjectID) holds no record\(purpose.map { " for purpose '\($0)'" } ?? "") to restrict; refuse the request with that reason", article: "PIPL Art. 44")
        }
        let rows = records.map {
            RestrictionRow(subjectID: subjectID, recordID: $0.recordID, requestID: requestID,
                           reason: "the individual restricted the processing of this record; only storage and protection are allowed", article: "PIPL Art. 44", since: now)
        }
        try await store.write { try await $0.insertRestrictions(rows) }
        return rows.count
    }

    /// Erases subjects whose deletion waited for a legal retention period that has now ended (PIPL Art. 47(2)); returns how many.
    func finishPendingErasures() async throws -> Int {
        let due = try await store.read { try await $0.pendingErasuresDue() }
        for entry in due {
            _ = try await erase(entry.subjectID)
            try await store.write { try await $0.deleteRightsData(subjectID: entry.subjectID) }
        }
        return due.count
    }

    /// Removes restricted records from what a read fetched, and says why (PIPL Art. 44, 47(2)):
    /// when nothing is left the read is denied with the restriction's reason.
    static func applyRestrictions(_ restrictions: [RestrictionRow], to sealed: [SealedField], decision: AccessDecision) -> ([SealedField], AccessDecision) {
        guard !restrictions.isEmpty else { return (sealed, decision) }
        let byRecord = Dictionary(restrictions.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first })
        let hit = sealed.compactMap { byRecord[$0.recordID] }
        guard let first = hit.first else { return (sealed, decision) }
        let kept = sealed.filter { byRecord[$0.recordID] == nil }
        let denial = Denial(field: nil, reason: "\(Set(hit.map(\.recordID)).count) record(s) restricted: \(first.reason)", article: first.article)
        if kept.isEmpty { return ([], .deny(denial)) }
        var partial = decision
        partial.outcome = .partial
        partial.denials.append(denial)
        return (kept, partial)
    }
}
