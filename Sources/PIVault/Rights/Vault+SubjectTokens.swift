import Crypto
import Foundation
import Logging
import PIVaultCore
import PIVaultStore

/// A token issued to a subject so they can file and follow their own rights
/// requests (PIPL Art. 50). It is shown once; the vault keeps only its SHA-256.
public struct SubjectToken: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The subject it reaches.
    public var subjectID: String
    /// When it stops working.
    public var expiresAt: Date
    /// The secret: shown once, to hand to the subject.
    public var token: String

    /// Never prints the secret.
    public var description: String { "SubjectToken(subject: \(subjectID), token: <redacted>)" }
}

extension Vault {
    /// The default time a subject token stays valid: seven days.
    public static let defaultSubjectTokenValidity: TimeInterval = 7 * 86_400

    /// Issues a token for `subjectID`, revoking any earlier one: it reaches
    /// only that subject's own data and requests, and only its hash is stored.
    public func issueSubjectToken(subjectID: String, validFor: TimeInterval = Vault.defaultSubjectTokenValidity) async throws -> SubjectToken {
        guard validFor > 0 else { throw VaultError(.invalidInput, "a subject token must be valid for a positive time") }
        _ = try await subjectDataKey(subjectID)
        let now = clock.now()
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = "pvs_" + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let expiresAt = now.addingTimeInterval(validFor)
        try await store.write { try await $0.insertSubjectToken(hash: Self.tokenHash(token), subjectID: subjectID, at: now, expiresAt: expiresAt) }
        logger.info("subject token issued", metadata: ["subject": "\(subjectID)"])
        return SubjectToken(subjectID: subjectID, expiresAt: expiresAt, token: token)
    }

    /// The subject a token belongs to; throws when it is unknown, expired or revoked.
    public func subject(forToken token: String) async throws -> String {
        let now = clock.now()
        guard let subject = try await store.read({ try await $0.subjectForToken(hash: Self.tokenHash(token), at: now) }) else {
            throw VaultError(.denied, "the subject token is unknown, expired or revoked; ask the handler for a new one (`pivault subject token`)", article: "PIPL Art. 50")
        }
        return subject
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Resolves who acts: the actor name for the history, and the subject a token limits it to.
    func resolve(_ authority: RequestAuthority) async throws -> (actor: String, onlySubject: String?) {
        switch authority {
        case .staff(let name):
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VaultError(.invalidInput, "name the staff member handling the request (a staff id, not a personal name is best)", article: "PIPL Art. 50")
            }
            return (name, nil)
        case .subjectToken(let token):
            return ("subject-token", try await subject(forToken: token))
        }
    }
}
