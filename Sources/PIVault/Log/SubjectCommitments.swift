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
        return mac.map { String(format: "%02x", $0) }.joined()
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
    func commitments(for keys: [String: DataKey], session: StoreSession) async throws -> [String: String] {
        var result: [String: String] = [:]
        for (subjectID, dataKey) in keys {
            if let cached = cached(subjectID) {
                result[subjectID] = cached
                continue
            }
            var sealed = try await session.logSalt(subjectID: subjectID)
            if sealed == nil {
                var salt = Data(count: 32)
                salt.withUnsafeMutableBytes { buffer in
                    var generator = SystemRandomNumberGenerator()
                    for index in buffer.indices { buffer[index] = UInt8.random(in: 0...255, using: &generator) }
                }
                sealed = try await session.insertLogSalt(subjectID: subjectID, sealed: try dataKey.seal(salt, binding: Self.context(subjectID)))
            }
            let salt = try dataKey.open(sealed!, binding: Self.context(subjectID))
            let commitment = Self.commitment(subjectID: subjectID, salt: salt)
            remember(subjectID, commitment)
            result[subjectID] = commitment
        }
        return result
    }
}
