import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Identifies 1:N: compares a probe with every enrolled template of an
    /// identification purpose, inside the vault, and returns only the
    /// pseudonymous ids and scores of people at or above its threshold.
    ///
    /// Only templates collected for that purpose are searched (PIPL Art. 6).
    /// Only a purpose declared `identification: true` may search, and the
    /// configuration check lets a public-place one rest only on a statutory
    /// or other-law basis (PIPL Art. 26). The actor's role, the impact
    /// assessment and the basis are checked first; under consent only people
    /// with a live consent to the purpose can be candidates. The search is a
    /// logged use, and so is each candidate returned, under their commitment.
    public func identifyBiometric(_ request: BiometricIdentifyRequest) async throws -> BiometricIdentification {
        try requireNotSuspended(request.actor)
        let now = clock.now()
        guard let purpose = configuration.purposes[request.purpose] else {
            throw VaultError(.invalidInput, "purpose '\(request.purpose)' is not declared; use one of \(configuration.purposes.keys.sorted().joined(separator: ", "))", article: "PIPL Art. 6")
        }
        guard let (field, spec) = configuration.biometricFields(of: purpose).first else {
            throw VaultError(.invalidInput, "purpose '\(purpose.id)' processes no biometric field, so it cannot identify anyone", article: "PIPL Art. 6")
        }
        guard purpose.biometric.identification else {
            throw VaultError(.denied, "purpose '\(purpose.id)' is a 1:1 verification purpose; a 1:N search needs a purpose declared `identification: true`, which the configuration check holds to Art. 26", article: "PIPL Art. 26")
        }
        guard (1...100).contains(request.limit) else {
            throw VaultError(.invalidInput, "limit must be between 1 and 100", fieldPath: "limit")
        }
        let probe = try BiometricTemplate.parse(request.template, field: field, spec: BiometricSpec(modality: spec.modality, dimensions: spec.dimensions))
        let emergencies = purpose.basis == .publicHealthEmergency ? try await activeEmergencies() : []
        let assessed = try await assessedPurposes()
        // Role, assessment and basis; under consent the basis is checked per candidate below.
        let standing = purpose.basis == .consent ? [Consent(purpose: purpose.id, grantedAt: now, withdrawnAt: nil, noticeVersion: nil)] : []
        let context = PolicyContext(consents: standing, emergencies: emergencies, now: now, noticeVersions: notices.versions, assessedPurposes: assessed)
        let search = LogEvent(kind: .biometricMatch, time: now, actor: request.actor.id, role: request.actor.role, purpose: purpose.id,
                              fields: [field], decision: "deny", subject: nil, detail: "1:N identification")
        if let refusal = Policy.useRefusal(actor: request.actor, purpose: purpose, configuration: configuration, context: context) {
            try await logEvents([search])
            throw VaultError(.denied, "biometric identification refused: \(refusal.reason)", article: refusal.article)
        }
        let rows = try await store.read { try await $0.biometricTemplates(field: field, purpose: purpose.id, standards: purpose.standards) }
        var best: [String: Double] = [:]
        var keys: [String: DataKey] = [:]
        for row in rows {
            guard let sealed = row.ciphertext else { continue }
            if keys[row.subjectID] == nil {
                // Erased people have no key left: nothing of theirs can match.
                guard let wrapped = try await store.read({ try await $0.biometricKey(row.subjectID) }) else { continue }
                keys[row.subjectID] = try keyring.unwrap(WrappedKey(version: wrapped.version, sealed: wrapped.wrappedKey), for: Self.biometricKeyOwner(row.subjectID))
            }
            guard let key = keys[row.subjectID], let stored = BiometricTemplate.decode(try key.open(sealed, binding: Self.templateContext(row))) else {
                throw VaultError(.integrity, "biometric template \(row.templateID) failed its integrity check")
            }
            best[row.subjectID] = max(best[row.subjectID] ?? -1, BiometricTemplate.cosineSimilarity(probe.values, stored))
        }
        let threshold = purpose.biometric.threshold
        var candidates: [BiometricIdentification.Candidate] = []
        for (subjectID, score) in best.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) where score >= threshold {
            if purpose.basis == .consent {
                let consents = try await store.read { try await $0.consents(subjectID: subjectID) }
                let own = PolicyContext(consents: consents.map { Consent(purpose: $0.purpose, grantedAt: $0.grantedAt, withdrawnAt: $0.withdrawnAt, noticeVersion: $0.noticeVersion) },
                                        emergencies: emergencies, now: now, noticeVersions: notices.versions, assessedPurposes: assessed)
                if Policy.useRefusal(actor: request.actor, purpose: purpose, configuration: configuration, context: own) != nil { continue }
            }
            candidates.append(.init(subjectID: subjectID, score: (score * 10_000).rounded() / 10_000))
            if candidates.count == request.limit { break }
        }
        var events = [LogEvent(kind: .biometricMatch, time: now, actor: request.actor.id, role: request.actor.role, purpose: purpose.id,
                               fields: [field], decision: "searched", subject: nil, detail: "1:N identification: \(candidates.count) candidate(s) among \(best.count)")]
        for candidate in candidates {
            events.append(LogEvent(kind: .biometricMatch, time: now, actor: request.actor.id, role: request.actor.role, purpose: purpose.id,
                                   fields: [field], decision: "candidate", subject: try await subjectCommitment(candidate.subjectID), detail: "1:N identification"))
        }
        try await logEvents(events)
        logger.info("biometric identification", metadata: ["purpose": "\(purpose.id)", "actor": "\(request.actor.id)", "candidates": "\(candidates.count)", "compared": "\(best.count)"])
        return BiometricIdentification(purpose: purpose.id, modality: spec.modality.rawValue, threshold: threshold, compared: best.count, candidates: candidates)
    }
}
