import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The kinds of value a subject can be found by, through the blind index.
    public enum LookupKind: String, Sendable, CaseIterable {
        case residentID = "resident-id"
        case mobile
        case email
    }

    /// Finds subjects by an exact value without decrypting anything: the value
    /// is normalised as at collection and its keyed HMAC looked up.
    public func findSubjects(by kind: LookupKind, value: String) async throws -> [String] {
        let normalised: String
        switch kind {
        case .residentID:
            normalised = value.filter { $0 != " " }.uppercased()
            if let problem = ResidentIDNumber.problem(with: normalised, today: clock.now()) {
                throw VaultError(.invalidInput, "the resident ID to look up is invalid: \(problem)", fieldPath: "resident_id")
            }
        case .mobile:
            guard let e164 = PhoneNumber.e164(value) else {
                throw VaultError(.invalidInput, "the mobile number to look up is invalid; give 11 digits or an E.164 number", fieldPath: "mobile")
            }
            normalised = e164
        case .email:
            let parts = value.split(separator: "@")
            guard parts.count == 2 else { throw VaultError(.invalidInput, "the e-mail address to look up is invalid", fieldPath: "email") }
            normalised = "\(parts[0])@\(parts[1].lowercased())"
        }
        let digest = blindIndex.digest(kind: kind.rawValue, value: normalised)
        return try await store.read { try await $0.subjects(withIndex: kind.rawValue, digest: digest) }
    }

    /// Erases a subject: destroys the data key first (crypto-shredding, so
    /// copies in backups become unreadable), then deletes the rows. Later reads
    /// answer "erased" (PIPL Art. 47).
    public func erase(_ subjectID: String) async throws -> ErasureReceipt {
        guard let row = try await store.read({ try await $0.subjectKey(subjectID) }) else {
            throw VaultError(.notFound, "subject \(subjectID) does not exist; check the id")
        }
        if let erasedAt = row.erasedAt {
            return ErasureReceipt(subjectID: subjectID, erasedAt: erasedAt, recordsDeleted: 0, article: "PIPL Art. 47")
        }
        let now = clock.now()
        let commitment = try await subjectCommitment(subjectID, keyRow: row)
        try await store.write { session in
            try await session.destroySubjectKey(subjectID, at: now)
            try await session.deleteLogSalt(subjectID: subjectID)
        }
        try await logErasure(subjectID, commitment: commitment, at: now)
        let receipt = DeletionReceiptRow(id: Identifiers.random(prefix: "del"), subjectID: subjectID, recordID: nil, standard: nil, purpose: nil,
                                         reason: "subject erased: data key destroyed, rows deleted", article: "PIPL Art. 47", deletedAt: now)
        let deleted = try await store.write { session in
            let count = try await session.deleteSubjectData(subjectID)
            _ = try await session.eraseHealthCodes(subjectID: subjectID, at: now)
            try await session.insertDeletionReceipts([receipt])
            return count
        }
        logger.info("subject erased", metadata: ["subject": "\(subjectID)", "records": "\(deleted)"])
        return ErasureReceipt(subjectID: subjectID, erasedAt: now, recordsDeleted: deleted, article: "PIPL Art. 47")
    }
}
