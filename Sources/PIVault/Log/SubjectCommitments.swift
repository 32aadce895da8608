import Crypto
import Foundation
import PIVaultCrypto
import PIVaultStore
import Synchronization

/// Computes the commitment that stands for a subject in the log:
/// HMAC-SHA-256 keyed by a per-subject random salt over the subject id.
///
/// The salt is sealed under the subject's data key and stored in the vault,
/// so erasing the subject (destroying the key and deleting the salt) makes
/// their log entries unlinkable, also in backups (crypto-shredding).
final class SubjectCommitments: Sendable {
    /// Commitments already computed; reads are hot and a commitment never changes.
    private let cache = Mutex<[String: String]>([:])
    private static let cacheLimit = 100_000

    /// The HMAC of `subjectID` under `salt`, hex.
    static func commitment(subjectID: String, salt: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("pivault-subject-commitment-v1:\(subjectID)".utf8), using: SymmetricKey(data: salt))
        return mac.withUnsafeBytes { HexText.encode($0) }
    }

    /// 32 fresh random bytes.
    static func newSalt() -> Data {
        SecureRandom.data(count: 32)
    }

    /// A new subject's salt, sealed under its data key, and the commitment it
    /// gives: made while a collection is prepared, outside the transaction.
    static func fresh(subjectID: String, dataKey: DataKey) throws -> (sealed: Data, commitment: String) {
        let salt = newSalt()
        return (try dataKey.seal(salt, binding: context(subjectID)), commitment(subjectID: subjectID, salt: salt))
    }

    static func context(_ subjectID: String) -> FieldContext {
        FieldContext(subjectID: subjectID, recordID: "transparency-log", fieldPath: "commitment-salt")
    }

    func cached(_ subjectID: String) -> String? { cache.withLock { $0[subjectID] } }

    func remember(_ subjectID: String, _ commitment: String) {
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[subjectID] = commitment
        }
    }

    func forget(_ subjectID: String) { _ = cache.withLock { $0.removeValue(forKey: subjectID) } }

    /// The commitments of `keys`' subjects inside the caller's transaction,
    /// creating a salt for each subject that has none yet.
    ///
    /// Subjects in `newSubjects` are created in the same transaction, so they
    /// cannot have a salt yet: theirs are taken from `prepared` (made by
    /// ``fresh(subjectID:dataKey:)`` and stored with the subject's row by the
    /// caller) or made here without a lookup and stored into the new rows.
    /// Commitments from fresh salts are remembered only once the caller's
    /// transaction commits (``remember(_:)``), so a rollback cannot leave a
    /// commitment no stored salt reproduces.
    func commitments(for keys: [String: DataKey], newSubjects: Set<String> = [], prepared: [String: (sealed: Data, commitment: String)] = [:],
                     session: StoreSession) async throws -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(keys.count)
        var unknown: [String] = []
        for subjectID in keys.keys {
            if let cached = cached(subjectID) {
                result[subjectID] = cached
            } else if !newSubjects.contains(subjectID) {
                unknown.append(subjectID)
            }
        }
        let stored = unknown.isEmpty ? [:] : try await session.logSalts(subjectIDs: unknown)
        var fresh: [(subjectID: String, sealed: Data)] = []
        for (subjectID, dataKey) in keys where result[subjectID] == nil {
            if newSubjects.contains(subjectID), let made = prepared[subjectID] {
                // Stored with the subject's row by the caller.
                result[subjectID] = made.commitment
                continue
            }
            var salt: Data
            if let sealed = stored[subjectID] {
                salt = try dataKey.open(sealed, binding: Self.context(subjectID))
                result[subjectID] = Self.commitment(subjectID: subjectID, salt: salt)
                remember(subjectID, result[subjectID]!)
                continue
            }
            salt = Self.newSalt()
            let sealed = try dataKey.seal(salt, binding: Self.context(subjectID))
            if newSubjects.contains(subjectID) {
                fresh.append((subjectID, sealed))
            } else {
                // An existing subject: another transaction may be creating its salt at this moment; the stored one wins.
                salt = try dataKey.open(try await session.insertLogSalt(subjectID: subjectID, sealed: sealed), binding: Self.context(subjectID))
            }
            result[subjectID] = Self.commitment(subjectID: subjectID, salt: salt)
        }
        try await session.insertLogSalts(fresh)
        return result
    }

    /// Remembers commitments whose salts are now committed.
    func remember(_ commitments: [String: String]) {
        cache.withLock { cache in
            if cache.count + commitments.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache.merge(commitments) { _, new in new }
        }
    }
}
