import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// A consent as a subject gives it: to one purpose, or a bundle of purposes
/// none of which needs a separate consent.
public struct ConsentGrant: Sendable {
    /// The subject.
    public var subjectID: String
    /// The purposes consented to.
    public var purposes: [String]
    /// The notice version shown for each purpose, in the same order (PIPL Art. 14, 17).
    public var noticeVersions: [String]
    /// How consent was given, e.g. `web-form`, `paper-form`, `app`.
    public var method: String
    /// For a subject under 14: a reference to the guardian's consent record (PIPL Art. 31). Never a personal value.
    public var guardian: String?

    /// Creates a grant.
    public init(subjectID: String, purposes: [String], noticeVersions: [String], method: String, guardian: String? = nil) {
        self.subjectID = subjectID
        self.purposes = purposes
        self.noticeVersions = noticeVersions
        self.method = method
        self.guardian = guardian
    }
}

/// What a grant or withdrawal produced: the consent ids and the signed receipt.
public struct ConsentOutcome: Sendable {
    /// Consent ids recorded (grant) or withdrawn (withdrawal).
    public var consentIDs: [String]
    /// The signed Kantara-style consent receipt, JSON text.
    public var receipt: String
    /// Records deleted because consent was their only basis (withdrawal, PIPL Art. 47(3)).
    public var recordsDeleted: Int
}

extension Vault {
    /// Records a consent (PIPL Art. 14): bound to the notice version shown,
    /// separate where the law requires it (Art. 23, 25, 29, 39), from a
    /// guardian for a subject under 14 (Art. 31). Returns a signed receipt.
    public func grantConsent(_ grant: ConsentGrant) async throws -> ConsentOutcome {
        let now = clock.now()
        let purposes = try consentPurposes(grant)
        _ = try await subjectDataKey(grant.subjectID)
        if grant.guardian?.isEmpty ?? true, let age = try await subjectAge(grant.subjectID, at: now), age < 14 {
            throw VaultError(.denied, "subject \(grant.subjectID) is under 14, so consent must come from a guardian; record it with --guardian REFERENCE", article: "PIPL Art. 31")
        }
        let rows = zip(purposes, grant.noticeVersions).map { purpose, version in
            ConsentRow(id: Identifiers.random(prefix: "con"), subjectID: grant.subjectID, purpose: purpose.id, grantedAt: now, withdrawnAt: nil,
                       noticeVersion: version, method: grant.method, guardian: grant.guardian)
        }
        let receiptID = Identifiers.random(prefix: "rcp")
        let receipt = try SignedDocument.sign(consentReceipt(id: receiptID, event: "grant", subjectID: grant.subjectID, purposes: purposes,
                                                              method: grant.method, at: now, guardian: grant.guardian != nil), with: signer)
        try await store.write { session in
            for row in rows { try await session.insertConsent(row) }
            try await session.insertConsentReceipt(subjectID: grant.subjectID, receiptID: receiptID, document: receipt, at: now)
        }
        try await logConsent(.consentGrant, subjectID: grant.subjectID, purposes: purposes.map(\.id), at: now, detail: grant.method)
        logger.info("consent granted", metadata: ["subject": "\(grant.subjectID)", "purposes": "\(purposes.map(\.id).joined(separator: ","))"])
        return ConsentOutcome(consentIDs: rows.map(\.id), receipt: receipt, recordsDeleted: 0)
    }

    /// Records a consent to one purpose, shown its current notice (the common case).
    public func grantConsent(subjectID: String, purpose: String, method: String = "api", guardian: String? = nil) async throws -> String {
        let version = notices.versions[purpose] ?? ""
        return try await grantConsent(ConsentGrant(subjectID: subjectID, purposes: [purpose], noticeVersions: [version], method: method, guardian: guardian)).consentIDs[0]
    }

    func consentPurposes(_ grant: ConsentGrant) throws -> [Purpose] {
        guard !grant.purposes.isEmpty else { throw VaultError(.invalidInput, "name at least one purpose to consent to", article: "PIPL Art. 14") }
        guard grant.purposes.count == grant.noticeVersions.count else {
            throw VaultError(.invalidInput, "give one notice version per purpose (\(grant.purposes.count) purposes, \(grant.noticeVersions.count) versions)", article: "PIPL Art. 14")
        }
        guard Set(grant.purposes).count == grant.purposes.count else {
            throw VaultError(.invalidInput, "a purpose is named twice in one consent", article: "PIPL Art. 14")
        }
        let purposes = try grant.purposes.map { id -> Purpose in
            guard let purpose = configuration.purposes[id] else {
                throw VaultError(.invalidInput, "purpose '\(id)' is not declared; see `pivault notice show`", article: "PIPL Art. 14")
            }
            guard purpose.basis == .consent else {
                throw VaultError(.invalidInput, "purpose '\(id)' rests on \(purpose.basis.rawValue) (PIPL \(purpose.basis.article)), not consent; no consent is recorded for it")
            }
            return purpose
        }
        for (purpose, version) in zip(purposes, grant.noticeVersions) where notices.versions[purpose.id] != version {
            throw VaultError(.invalidInput, "notice version \(version.prefix(12)) is not the current notice of purpose '\(purpose.id)' (now \(notices.versions[purpose.id]?.prefix(12) ?? "")); show the current notice (`pivault notice show \(purpose.id)`) and record that version", article: "PIPL Art. 14, 17")
        }
        if purposes.count > 1, let separate = purposes.first(where: configuration.requiresSeparateConsent) {
            throw VaultError(.denied, "purpose '\(separate.id)' needs a separate consent, given for it alone and not bundled with other purposes, because \(configuration.separateConsentReasons(separate).joined(separator: "; "))", article: "PIPL Art. 14")
        }
        return purposes
    }

    /// Withdraws a subject's consent to a purpose (PIPL Art. 15): every later
    /// read is denied, earlier processing stays recorded as lawful, and records
    /// for which that consent was the only basis are deleted (Art. 47(3)).
    public func withdrawConsent(subjectID: String, purpose purposeID: String, method: String = "api") async throws -> ConsentOutcome {
        _ = try await subjectDataKey(subjectID)
        guard let purpose = configuration.purposes[purposeID] else {
            throw VaultError(.invalidInput, "purpose '\(purposeID)' is not declared", article: "PIPL Art. 15")
        }
        let now = clock.now()
        let receiptID = Identifiers.random(prefix: "rcp")
        let receipt = try SignedDocument.sign(consentReceipt(id: receiptID, event: "withdrawal", subjectID: subjectID, purposes: [purpose],
                                                              method: method, at: now, guardian: false), with: signer)
        let (withdrawn, deleted) = try await store.write { session -> ([String], [RecordRef]) in
            let live = try await session.consents(subjectID: subjectID).filter { $0.purpose == purposeID && $0.withdrawnAt == nil }
            guard !live.isEmpty else {
                throw VaultError(.notFound, "subject \(subjectID) has no live consent to purpose '\(purposeID)'", article: "PIPL Art. 15")
            }
            _ = try await session.withdrawConsents(subjectID: subjectID, purpose: purposeID, at: now)
            try await session.insertConsentReceipt(subjectID: subjectID, receiptID: receiptID, document: receipt, at: now)
            var deleted: [RecordRef] = []
            if purpose.basis == .consent {
                let records = try await session.records(subjectID: subjectID, purpose: purposeID)
                let receipts = records.map { record in
                    DeletionReceiptRow(id: Identifiers.random(prefix: "del"), subjectID: subjectID, recordID: record.recordID, standard: record.standard,
                                       purpose: record.purpose, reason: "consent withdrawn and consent was the only basis", article: "PIPL Art. 47(1)3", deletedAt: now)
                }
                try await session.deleteRecords(records, receipts: receipts)
                deleted = records
            }
            return (live.map(\.id), deleted)
        }
        try await logConsent(.consentWithdrawal, subjectID: subjectID, purposes: [purposeID], at: now, detail: deleted.isEmpty ? method : "\(method); records deleted: \(deleted.count)")
        // Each record deleted with the consent it rested on enters the log as its own event, as retention deletions do (Art. 47(1)3).
        try await logDeletions(deleted, kind: .retentionDeletion, at: now, reason: "consent withdrawn and consent was the only basis")
        logger.info("consent withdrawn", metadata: ["subject": "\(subjectID)", "purpose": "\(purposeID)", "recordsDeleted": "\(deleted.count)"])
        return ConsentOutcome(consentIDs: withdrawn, receipt: receipt, recordsDeleted: deleted.count)
    }

    /// The subject's signed consent receipts, oldest first.
    public func consentReceipts(subjectID: String) async throws -> [String] {
        try await store.read { try await $0.consentReceipts(subjectID: subjectID) }
    }
}
