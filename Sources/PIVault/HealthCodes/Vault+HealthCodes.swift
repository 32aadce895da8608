import Foundation
import Logging
import Synchronization
import HealthCode
import PIVaultCore
import PIVaultStore

extension Vault {
    /// Issues a health code for a subject.
    ///
    /// The policy decides first, as for a read: the purpose must exist, the
    /// role must be granted it and its legal basis must hold now (PIPL Art. 6,
    /// 13, 51). A status other than the subject's current one (green when no
    /// code was issued yet) is a change, allowed only under a purpose resting
    /// on a declared public-health emergency (Art. 13(4)). The payload carries
    /// a random code id, the status, the validity window and the issuer — no
    /// name, ID number or birth date; the link from code id to subject stays
    /// in the vault.
    ///
    /// - Throws: `notFound` for an unknown subject or when no issuer exists,
    ///   `erased` for an erased subject, `denied` when the policy refuses,
    ///   `invalidInput` for a validity outside one second to thirty days.
    public func issueHealthCode(_ request: HealthCodeRequest) async throws -> VaultHealthCode {
        guard request.validFor > 0, request.validFor <= HealthCodeRequest.maximumValidity else {
            throw VaultError(.invalidInput, "the validity must be between one second and 30 days", fieldPath: "valid_for")
        }
        let now = clock.now()
        let purpose = configuration.purposes[request.purpose]
        let emergencies = purpose?.basis == .publicHealthEmergency ? try await activeEmergencies() : []
        let configuration = self.configuration
        let noticeVersions = notices.versions
        let assessed = try await assessedPurposes()
        let access = AccessRequest(actor: request.actor, subjectID: request.subjectID, purpose: request.purpose)
        let (keyRow, decision, latest, issuerRow) = try await store.read { session -> (SubjectKeyRow?, AccessDecision?, HealthCodeRow?, HealthCodeIssuerRow?) in
            guard let key = try await session.subjectKey(request.subjectID), key.erasedAt == nil else {
                return (try await session.subjectKey(request.subjectID), nil, nil, nil)
            }
            let consents = purpose?.basis == .consent ? try await session.consents(subjectID: request.subjectID) : []
            let context = PolicyContext(
                consents: consents.map { Consent(purpose: $0.purpose, grantedAt: $0.grantedAt, withdrawnAt: $0.withdrawnAt, noticeVersion: $0.noticeVersion) },
                emergencies: emergencies, now: now, noticeVersions: noticeVersions, assessedPurposes: assessed)
            let decision = Policy.decide(access, configuration: configuration, context: context)
            return (key, decision, try await session.healthCodes(subjectID: request.subjectID).first, try await session.healthCodeIssuers().last)
        }
        guard let keyRow else {
            throw VaultError(.notFound, "subject \(request.subjectID) does not exist; check the id or find it with `pivault subject find`")
        }
        guard let decision, keyRow.erasedAt == nil else {
            throw VaultError(.erased, "subject \(request.subjectID) was erased; no health code can be issued for it", article: "PIPL Art. 47")
        }
        logger.info("health code decided", metadata: [
            "subject": "\(request.subjectID)", "purpose": "\(request.purpose)", "actor": "\(request.actor.id)",
            "role": "\(request.actor.role)", "outcome": "\(decision.outcome.rawValue)",
        ])
        if decision.outcome == .deny {
            let denial = decision.denials.first { $0.field == nil } ?? decision.denials.first
            throw VaultError(.denied, "no health code issued: \(denial?.reason ?? "the purpose covers no field")", article: denial?.article ?? "PIPL Art. 6")
        }
        let current = latest.flatMap { HealthStatus(rawValue: $0.status) } ?? .green
        if request.status != current, purpose?.basis != .publicHealthEmergency {
            throw VaultError(.denied, "the requested status differs from the subject's current one; a status change needs a purpose resting on a declared public-health emergency, and purpose '\(request.purpose)' does not", article: "PIPL Art. 13(4)")
        }
        let loaded = try currentHealthCodeIssuer(newest: issuerRow)
        let issued: IssuedHealthCode
        do {
            issued = try loaded.issuer.issue(status: request.status, now: Int64(now.timeIntervalSince1970.rounded(.down)), validFor: request.validFor)
        } catch let error as HealthCodeError {
            throw VaultError(.conflict, "the health code could not be signed: \(error.message)")
        }
        let credential = issued.credential
        let row = HealthCodeRow(
            subjectID: request.subjectID, codeID: credential.codeID.rawValue, issuerID: loaded.id, status: credential.status.rawValue,
            validFrom: Date(timeIntervalSince1970: TimeInterval(credential.validFrom)),
            validUntil: Date(timeIntervalSince1970: TimeInterval(credential.validUntil)),
            purpose: request.purpose, actor: request.actor.id, issuedAt: now, code: issued.text)
        try await store.write { try await $0.insertHealthCode(row) }
        // The code id is logged without the subject: the link lives only in the vault.
        logger.info("health code issued", metadata: ["code": "\(row.codeID)", "issuer": "\(loaded.id)"])
        return VaultHealthCode(row, issuer: credential.issuer)
    }

    /// A code the vault issued, by its id.
    ///
    /// - Throws: `invalidInput` when the id is not 32 hex characters,
    ///   `notFound` when no such code was issued.
    public func healthCode(_ codeID: String) async throws -> VaultHealthCode {
        let id = try Self.parseCodeID(codeID)
        let (row, issuers) = try await store.read { session in
            (try await session.healthCode(id.rawValue), try await session.healthCodeIssuers())
        }
        guard let row else { throw Self.unknownCode(id) }
        guard row.status != StoreSession.erasedHealthCodeStatus else {
            throw VaultError(.erased, "health code \(id.rawValue) belonged to an erased subject; it is revoked and its content no longer exists", article: "PIPL Art. 47")
        }
        return VaultHealthCode(row, issuer: issuers.first { $0.id == row.issuerID }?.name ?? "")
    }

    /// A code rendered as a QR symbol (alphanumeric mode, level Q).
    public func healthCodeQR(_ codeID: String) async throws -> QRCode {
        let code = try await healthCode(codeID)
        do {
            return try QRCode(healthCertificate: code.text)
        } catch {
            throw VaultError(.integrity, "health code \(code.codeID) could not be rendered as a QR code (\(error)); revoke it and issue a new one")
        }
    }

    /// Revokes a code: it joins the published revocation list.
    ///
    /// - Throws: `invalidInput` for a malformed id, `notFound` for an unknown one.
    public func revokeHealthCode(_ codeID: String) async throws {
        let id = try Self.parseCodeID(codeID)
        let now = clock.now()
        guard try await store.write({ try await $0.revokeHealthCode(id.rawValue, at: now) }) else { throw Self.unknownCode(id) }
        logger.notice("health code revoked", metadata: ["code": "\(id.rawValue)"])
    }

    /// The revocation list to publish: truncated SHA-256 hashes of the ids of
    /// revoked codes and of every code of an erased subject, still valid now.
    /// It names no code and no person.
    public func healthCodeRevocationList() async throws -> RevocationList {
        let now = clock.now()
        var list = RevocationList()
        for id in try await store.read({ try await $0.revokedHealthCodeIDs(validAt: now) }) { list.revoke(identifier: id) }
        return list
    }

    static func parseCodeID(_ text: String) throws -> HealthCodeID {
        guard let id = HealthCodeID(text.trimmingCharacters(in: .whitespaces)) else {
            throw VaultError(.invalidInput, "a health-code id is 32 hex characters, as printed by `pivault healthcode issue`", fieldPath: "code_id")
        }
        return id
    }

    static func unknownCode(_ id: HealthCodeID) -> VaultError {
        VaultError(.notFound, "no health code \(id.rawValue) was issued by this vault; check the id")
    }
}
