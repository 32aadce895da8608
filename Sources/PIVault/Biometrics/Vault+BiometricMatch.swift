import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Verifies 1:1 whether a probe template belongs to a subject, inside the vault.
    ///
    /// The purpose must be a biometric verification purpose (1:N identification
    /// is a different purpose and is refused here, PIPL Art. 26), the actor's
    /// role must hold it and its basis must hold — for consent, the subject's
    /// separate consent (Art. 29). The probe must have the size and modality
    /// the standard declares. Only yes/no and the score are returned; every
    /// match, refused or not, is a logged use with its purpose and decision.
    public func matchBiometric(_ request: BiometricMatchRequest) async throws -> BiometricMatchResult {
        try requireNotSuspended(request.actor)
        let now = clock.now()
        guard let purpose = configuration.purposes[request.purpose] else {
            throw VaultError(.invalidInput, "purpose '\(request.purpose)' is not declared; use one of \(configuration.purposes.keys.sorted().joined(separator: ", "))", article: "PIPL Art. 6")
        }
        guard let (field, spec) = configuration.biometricFields(of: purpose).first else {
            throw VaultError(.invalidInput, "purpose '\(purpose.id)' processes no biometric field, so it cannot match templates; use a biometric purpose", article: "PIPL Art. 6")
        }
        guard !purpose.biometric.identification else {
            throw VaultError(.denied, "purpose '\(purpose.id)' is a 1:N identification purpose; 1:1 verification needs a verification purpose; search under it with `pivault biometric identify`", article: "PIPL Art. 26")
        }
        let probe = try BiometricTemplate.parse(request.template, field: field, spec: BiometricSpec(modality: spec.modality, dimensions: spec.dimensions))
        let emergencies = purpose.basis == .publicHealthEmergency ? try await activeEmergencies() : []
        let configuration = self.configuration
        let noticeVersions = notices.versions
        let assessed = try await assessedPurposes()
        let (keyRow, decision, biometricKey, templates) = try await store.read { session -> (SubjectKeyRow?, AccessDecision?, (version: Int, wrappedKey: Data)?, [BiometricTemplateRow]) in
            guard let key = try await session.subjectKey(request.subjectID), key.erasedAt == nil else {
                return (try await session.subjectKey(request.subjectID), nil, nil, [])
            }
            let consents = purpose.basis == .consent ? try await session.consents(subjectID: request.subjectID) : []
            let context = PolicyContext(
                consents: consents.map { Consent(purpose: $0.purpose, grantedAt: $0.grantedAt, withdrawnAt: $0.withdrawnAt, noticeVersion: $0.noticeVersion) },
                emergencies: emergencies, now: now, noticeVersions: noticeVersions, assessedPurposes: assessed)
            let refusal = Policy.useRefusal(actor: request.actor, purpose: purpose, configuration: configuration, context: context)
            let decision = refusal.map(AccessDecision.deny) ?? AccessDecision(outcome: .permit, permitted: [field], masked: [], denials: [], sensitive: [field], basis: purpose.basis)
            guard decision.outcome != .deny else { return (key, decision, nil, []) }
            let templates = try await session.biometricTemplates(subjectID: request.subjectID, sealed: true)
                .filter { $0.field == field && purpose.standards.contains($0.standard) }
            return (key, decision, try await session.biometricKey(request.subjectID), templates)
        }
        guard let keyRow else {
            throw VaultError(.notFound, "subject \(request.subjectID) does not exist; check the id or find it with `pivault subject find`")
        }
        guard let decision, keyRow.erasedAt == nil else {
            throw VaultError(.erased, "subject \(request.subjectID) was erased; their biometric key and templates were destroyed", article: "PIPL Art. 47")
        }
        let subject = try await subjectCommitment(request.subjectID, keyRow: keyRow)
        func log(_ outcome: String) async throws {
            try await logEvents([LogEvent(kind: .biometricMatch, time: now, actor: request.actor.id, role: request.actor.role, purpose: purpose.id,
                                          fields: [field], decision: outcome, subject: subject, detail: "1:1 verification")])
        }
        if decision.outcome == .deny {
            try await log("deny")
            let denial = decision.denials.first
            throw VaultError(.denied, "biometric match refused: \(denial?.reason ?? "the policy denies it")", article: denial?.article)
        }
        guard let biometricKey, !templates.isEmpty else {
            throw VaultError(.notFound, "subject \(request.subjectID) has no \(spec.modality.rawValue) template for purpose '\(purpose.id)'; collect one first")
        }
        let key = try keyring.unwrap(WrappedKey(version: biometricKey.version, sealed: biometricKey.wrappedKey), for: Self.biometricKeyOwner(request.subjectID))
        var best = -1.0
        for row in templates {
            guard let sealed = row.ciphertext, let stored = BiometricTemplate.decode(try key.open(sealed, binding: Self.templateContext(row))) else {
                throw VaultError(.integrity, "biometric template \(row.templateID) failed its integrity check")
            }
            best = max(best, BiometricTemplate.cosineSimilarity(probe.values, stored))
        }
        let threshold = purpose.biometric.threshold
        let matched = best >= threshold
        try await log(matched ? "match" : "no-match")
        logger.info("biometric match decided", metadata: ["subject": "\(request.subjectID)", "purpose": "\(purpose.id)", "actor": "\(request.actor.id)", "match": "\(matched)"])
        return BiometricMatchResult(match: matched, score: (best * 10_000).rounded() / 10_000, threshold: threshold, purpose: purpose.id, modality: spec.modality.rawValue)
    }
}
