import Synchronization
import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Reads a subject's data for a purpose, as an actor in a role.
    ///
    /// The policy decides first; only the fields it permits or masks are
    /// fetched and decrypted — a field the purpose does not cover is never
    /// read from the store (PIPL Art. 6). A ciphertext that fails its
    /// integrity check is reported by field while the other fields are returned.
    public func read(_ request: AccessRequest) async throws -> AccessResult {
        try await read(request, recipient: nil)
    }

    /// The read every use takes; with a recipient it is a transfer (PIPL Art. 21, 23, 38–39),
    /// logged as one with the recipient and field paths.
    func read(_ request: AccessRequest, recipient: Recipient?) async throws -> AccessResult {
        try requireNotSuspended(request.actor)
        let now = clock.now()
        let purpose = configuration.purposes[request.purpose]
        let emergencies = purpose?.basis == .publicHealthEmergency ? try await activeEmergencies() : []
        let configuration = self.configuration
        let noticeVersions = notices.versions
        let assessed = try await assessedPurposes()
        // Where the basis does not rest on consent, the decision needs nothing from the store:
        // decide first, then fetch the key and only the permitted fields in one query.
        if let purpose, purpose.basis != .consent {
            let decision = Policy.decide(request, configuration: configuration, context: PolicyContext(consents: [], emergencies: emergencies, now: now, noticeVersions: noticeVersions, assessedPurposes: assessed))
            let wanted = decision.outcome == .deny ? [] : decision.fieldsToDecrypt
            let fetched = try await store.read { try await $0.subjectKeyAndFields(subjectID: request.subjectID, standards: purpose.standards, fields: wanted) }
            // Restricted records (PIPL Art. 44, 47(2)) are kept for storage only: never returned.
            let (kept, restricted) = Self.applyRestrictions(fetched?.2 ?? [], to: fetched?.1 ?? [], decision: decision)
            return try await finishRead(request, keyRow: fetched?.0, decision: restricted, sealed: kept, at: now, recipient: recipient)
        }
        // Otherwise one session: the subject's key row, its consents, the decision, then only
        // the fields the decision allows.
        let (keyRow, decision, sealed) = try await store.read { session -> (SubjectKeyRow?, AccessDecision?, [SealedField]) in
            guard let key = try await session.subjectKey(request.subjectID), key.erasedAt == nil else {
                return (try await session.subjectKey(request.subjectID), nil, [])
            }
            let consents = purpose?.basis == .consent ? try await session.consents(subjectID: request.subjectID) : []
            let context = PolicyContext(
                consents: consents.map { Consent(purpose: $0.purpose, grantedAt: $0.grantedAt, withdrawnAt: $0.withdrawnAt, noticeVersion: $0.noticeVersion) },
                emergencies: emergencies, now: now, noticeVersions: noticeVersions, assessedPurposes: assessed)
            let decision = Policy.decide(request, configuration: configuration, context: context)
            guard let purpose, decision.outcome != .deny else { return (key, decision, []) }
            let sealed = try await session.sealedFields(subjectID: request.subjectID, standards: purpose.standards, fields: decision.fieldsToDecrypt)
            // Restricted records (PIPL Art. 44, 47(2)) are kept for storage only: never returned.
            let (kept, restricted) = Self.applyRestrictions(try await session.restrictions(subjectID: request.subjectID), to: sealed, decision: decision)
            return (key, restricted, kept)
        }
        return try await finishRead(request, keyRow: keyRow, decision: decision, sealed: sealed, at: now, recipient: recipient)
    }

    func finishRead(_ request: AccessRequest, keyRow: SubjectKeyRow?, decision: AccessDecision?, sealed: [SealedField], at now: Date,
                    recipient: Recipient? = nil) async throws -> AccessResult {
        let purpose = configuration.purposes[request.purpose]
        guard let keyRow else {
            throw VaultError(.notFound, "subject \(request.subjectID) does not exist; check the id or find it with `pivault subject find`")
        }
        guard let decision, keyRow.erasedAt == nil else {
            throw VaultError(.erased, "subject \(request.subjectID) was erased; its data no longer exists", article: "PIPL Art. 47")
        }
        logger.info("read decided", metadata: [
            "subject": "\(request.subjectID)", "purpose": "\(request.purpose)", "actor": "\(request.actor.id)",
            "role": "\(request.actor.role)", "outcome": "\(decision.outcome.rawValue)",
        ])
        // A permitted read needs the data key anyway; unwrapped once, it also serves a commitment not yet cached.
        let dataKey = decision.outcome == .deny ? nil : try unwrapKey(keyRow)
        var event = readEvent(request, decision: decision, subject: try await subjectCommitment(request.subjectID, keyRow: keyRow, dataKey: dataKey), at: now)
        if let recipient {
            // Only data that leaves is a transfer; a refused one stays a denied read naming the recipient.
            if decision.outcome != .deny { event.kind = .transfer }
            event.detail = "recipient:\(recipient.id)"
        }
        let logIndex = try await logEvents([event])
        await observeAccess(request.actor, subjectID: request.subjectID, denied: decision.outcome == .deny,
                            export: recipient != nil && decision.outcome != .deny, at: now)
        guard let purpose, let dataKey else {
            return AccessResult(decision: decision, records: [], integrityFailures: [], logIndex: logIndex)
        }
        var result = assemble(sealed, decision: decision, purpose: purpose, subjectID: request.subjectID, dataKey: dataKey)
        result.logIndex = logIndex
        return result
    }

    func assemble(_ sealed: [SealedField], decision: AccessDecision, purpose: Purpose, subjectID: String, dataKey: DataKey) -> AccessResult {
        var order: [String] = []
        var views: [String: AccessResult.RecordView] = [:]
        var failures: [AccessResult.IntegrityFailure] = []
        let maskedFields = Set(decision.masked)
        for field in sealed {
            if views[field.recordID] == nil {
                order.append(field.recordID)
                views[field.recordID] = AccessResult.RecordView(recordID: field.recordID, standard: field.standard, collectedAt: field.collectedAt, values: [:], masked: [:])
            }
            do {
                let plaintext = try dataKey.open(field.ciphertext, binding: FieldContext(subjectID: subjectID, recordID: field.recordID, fieldPath: field.field))
                let value = try StoredValueCodec.decode(plaintext)
                if maskedFields.contains(field.field) {
                    let type = configuration.field(field.field, for: purpose)?.type ?? .text
                    views[field.recordID]?.masked[field.field] = DisplayMask.mask(value, type: type)
                } else {
                    views[field.recordID]?.values[field.field] = value
                }
            } catch {
                logger.warning("field failed its integrity check", metadata: ["subject": "\(subjectID)", "record": "\(field.recordID)", "field": "\(field.field)"])
                failures.append(.init(recordID: field.recordID, field: field.field,
                                      message: "field '\(field.field)' of record \(field.recordID) failed its integrity check (altered or moved ciphertext); restore it from a backup or re-collect it"))
            }
        }
        return AccessResult(decision: decision, records: order.compactMap { views[$0] }, integrityFailures: failures)
    }

    static func emergency(_ row: EmergencyRow) -> Emergency {
        Emergency(id: row.id, name: row.name, legalReference: row.legalReference, purposes: row.purposes, startsAt: row.startsAt, endsAt: row.endsAt)
    }

    /// Declared emergencies, cached for a second: reads under the emergency basis
    /// are hot, declarations rare. This process's own declarations clear the cache at once.
    func activeEmergencies() async throws -> [Emergency] {
        let now = ContinuousClock.now
        if let cached = emergencyCache.withLock({ $0 }), now - cached.loadedAt < .seconds(1) { return cached.emergencies }
        let emergencies = try await store.read { try await $0.emergencies() }.map(Self.emergency)
        emergencyCache.withLock { $0 = (now, emergencies) }
        return emergencies
    }
}
