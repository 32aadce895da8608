import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore
import TransparencyLog

extension Vault {
    /// The actor id the vault records for events it causes itself.
    static let systemActor = Actor(id: "vault", role: "system")

    /// Appends events to the transparency log and returns the first leaf
    /// index they received; once this returns they are durable.
    @discardableResult
    func logEvents(_ events: [LogEvent]) async throws -> UInt64 {
        try await transparency.sequencer.append(events.map { (subject: $0.subject, data: $0.leafData) })
    }

    /// The commitment for a subject whose key row (or already unwrapped data key) is at hand (reads),
    /// creating its salt on first use.
    func subjectCommitment(_ subjectID: String, keyRow: SubjectKeyRow? = nil, dataKey unwrapped: DataKey? = nil) async throws -> String {
        if let cached = transparency.commitments.cached(subjectID) { return cached }
        let dataKey: DataKey
        if let unwrapped { dataKey = unwrapped } else if let keyRow { dataKey = try unwrapKey(keyRow) } else { dataKey = try await subjectDataKey(subjectID) }
        let commitments = transparency.commitments
        if let sealed = keyRow?.logSalt {
            let commitment = SubjectCommitments.commitment(subjectID: subjectID, salt: try dataKey.open(sealed, binding: SubjectCommitments.context(subjectID)))
            commitments.remember(subjectID, commitment)
            return commitment
        }
        let found = try await store.read { session -> String? in
            guard let sealed = try await session.logSalt(subjectID: subjectID) else { return nil }
            return SubjectCommitments.commitment(subjectID: subjectID, salt: try dataKey.open(sealed, binding: SubjectCommitments.context(subjectID)))
        }
        if let found {
            commitments.remember(subjectID, found)
            return found
        }
        let commitment = try await store.write { try await commitments.commitments(for: [subjectID: dataKey], session: $0)[subjectID]! }
        commitments.remember(subjectID, commitment)
        return commitment
    }

    /// Logs a configuration-change event when the configuration differs from the last one logged.
    func logConfigurationIfChanged() async throws {
        let hash = VaultTransparency.configurationHash(configuration)
        let previous = try await store.read { try await $0.meta(VaultTransparency.configurationName) }
        guard previous != hash else { return }
        try await logEvents([LogEvent(kind: .configurationChange, time: clock.now(), actor: Self.systemActor.id, role: Self.systemActor.role,
                                      purpose: nil, fields: [], decision: "recorded", subject: nil, detail: hash)])
        try await store.write { try await $0.setMeta(VaultTransparency.configurationName, hash) }
        logger.notice("configuration change logged", metadata: ["configuration": "\(hash)"])
    }

    /// The event recorded for a purpose-bound read.
    func readEvent(_ request: AccessRequest, decision: AccessDecision, subject: String, at time: Date) -> LogEvent {
        let fields = decision.outcome == .deny ? (request.fields ?? configuration.purposes[request.purpose]?.fields ?? []) : decision.fieldsToDecrypt
        return LogEvent(kind: .read, time: time, actor: request.actor.id, role: request.actor.role, purpose: request.purpose,
                        fields: fields, decision: decision.outcome.rawValue, subject: subject)
    }

    /// A vault-caused event about a subject (collection, consent, erasure, deletion).
    func subjectEvent(_ kind: LogEvent.Kind, subject: String, purpose: String?, fields: [String], at time: Date, detail: String? = nil) -> LogEvent {
        LogEvent(kind: kind, time: time, actor: Self.systemActor.id, role: Self.systemActor.role, purpose: purpose, fields: fields,
                 decision: "recorded", subject: subject, detail: detail)
    }

    /// Logs one deletion event per record, each committed to its subject.
    func logDeletions(_ records: [RecordRef], kind: LogEvent.Kind, at time: Date, reason: String) async throws {
        guard !records.isEmpty else { return }
        let subjects = try await subjectCommitments(Set(records.map(\.subjectID)))
        var events: [LogEvent] = []
        events.reserveCapacity(records.count)
        for record in records {
            let fields = configuration.purposes[record.purpose]?.fields ?? []
            events.append(subjectEvent(kind, subject: subjects[record.subjectID]!, purpose: record.purpose, fields: fields, at: time, detail: reason))
        }
        try await logEvents(events)
    }

    /// The commitments of many subjects, with their keys and salts fetched in batches (a sweep touches thousands).
    func subjectCommitments(_ subjectIDs: Set<String>) async throws -> [String: String] {
        let commitments = transparency.commitments
        var result: [String: String] = [:]
        var missing: [String] = []
        for subjectID in subjectIDs {
            if let cached = commitments.cached(subjectID) { result[subjectID] = cached } else { missing.append(subjectID) }
        }
        for start in stride(from: 0, to: missing.count, by: 2_000) {
            let chunk = missing[start..<min(start + 2_000, missing.count)]
            let rows = try await store.read { try await $0.subjectKeys(Array(chunk)) }
            var keys: [String: DataKey] = [:]
            for subjectID in chunk {
                guard let row = rows[subjectID] else {
                    throw VaultError(.notFound, "subject \(subjectID) does not exist; check the id or find it with `pivault subject find`")
                }
                keys[subjectID] = try unwrapKey(row)
            }
            let unwrapped = keys
            let computed = try await store.write { try await commitments.commitments(for: unwrapped, session: $0) }
            commitments.remember(computed)
            result.merge(computed) { first, _ in first }
        }
        return result
    }
}

extension Vault {
    /// The log's public key, to publish so anyone can verify checkpoints offline.
    public var logVerifierKey: String { transparency.verifier.text }

    /// The log's origin line.
    public var logOrigin: String { transparency.origin }

    /// Integrates pending events and signs a new checkpoint when the tree grew
    /// since the last one; the server calls this every second.
    ///
    /// - Returns: The new signed note, or nil when nothing changed.
    @discardableResult
    public func publishCheckpoint() async throws -> String? {
        guard let published = try await transparency.publisher.publishIfGrown() else { return nil }
        try await store.write { try await $0.setMeta(VaultTransparency.checkpointName, published.note) }
        return published.note
    }

    /// The latest signed checkpoint (`/log/checkpoint`), publishing the first one if none exists.
    public func latestCheckpoint() async throws -> String {
        if let latest = await transparency.publisher.latest { return latest.note }
        try await publishCheckpoint()
        guard let latest = await transparency.publisher.latest else {
            throw VaultError(.storageUnavailable, "no transparency-log checkpoint could be signed; check the store and retry")
        }
        return latest.note
    }

    /// A C2SP tlog-tiles resource (`/log/tile/…`): a hash tile, or an entry bundle of stored events.
    ///
    /// - Throws: ``VaultError/Code/notFound`` for a malformed path or a tile the tree does not have yet.
    public func logTile(_ path: String) async throws -> [UInt8] {
        do {
            let tile = try TilePath(parsing: path)
            guard tile.isEntryBundle else { return try await transparency.log.tile(tile) }
            let range = tile.itemRange
            let size = await transparency.log.size
            guard range.upperBound <= size else {
                throw VaultError(.notFound, "entry bundle \(path) covers entries up to \(range.upperBound) but the log has \(size)")
            }
            let rows = try await store.read { try await $0.logEntries(range: range) }
            return try EntryBundle.encode(rows.map { Array($0.data) })
        } catch let error as LogError where error.code == .malformedTilePath || error.code == .invalidArgument {
            throw VaultError(.notFound, "no tile at \(path): \(error.message)")
        }
    }

    /// Every event about a subject, each with its leaf index and an inclusion
    /// proof against the latest signed checkpoint (PIPL Art. 44–45: the
    /// subject learns who handled their data, when, why and which fields).
    public func accessHistory(_ subjectID: String) async throws -> AccessHistory {
        guard let row = try await store.read({ try await $0.subjectKey(subjectID) }) else {
            throw VaultError(.notFound, "subject \(subjectID) does not exist; check the id")
        }
        guard row.erasedAt == nil else {
            throw VaultError(.erased, "subject \(subjectID) was erased; their log entries can no longer be linked to them", article: "PIPL Art. 47")
        }
        let commitment = try await subjectCommitment(subjectID, keyRow: row)
        try await publishCheckpoint()
        let note = try await latestCheckpoint()
        let checkpoint = try SignedCheckpoint(verifying: Array(note.utf8), with: [transparency.verifier], origin: transparency.origin).checkpoint
        let rows = try await store.read { try await $0.logEntries(subject: commitment) }
        var entries: [AccessHistory.Entry] = []
        for row in rows where row.index < checkpoint.size {
            let proof = try await transparency.log.inclusionProofFile(index: row.index, size: checkpoint.size, entry: Array(row.data))
            entries.append(AccessHistory.Entry(index: row.index, event: try LogEvent(leafData: row.data), proof: proof))
        }
        return AccessHistory(subjectID: subjectID, commitment: commitment, checkpoint: note, verifierKey: transparency.verifier.text, entries: entries)
    }

    /// Checks the stored log: every interior node against its children, the
    /// root against the latest signed checkpoint, and every stored event
    /// against its leaf hash.
    ///
    /// - Throws: ``VaultError/Code/integrity`` saying which node, leaf or checkpoint did not match.
    public func checkLog() async throws -> Checkpoint {
        var stored = try await store.read { try await $0.meta(VaultTransparency.checkpointName) }
        if stored == nil { stored = try await latestCheckpoint() }
        let note = stored ?? ""
        do {
            let checkpoint = try SignedCheckpoint(verifying: Array(note.utf8), with: [transparency.verifier], origin: transparency.origin).checkpoint
            try await transparency.log.auditStoredTree(against: checkpoint)
            let size = await transparency.log.size
            var start: UInt64 = 0
            while start < size {
                let end = min(size, start + 10_000)
                let range = start..<end
                let rows = try await store.read { try await $0.logEntries(range: range) }
                let leaves = try await transparency.log.storage.hashes(level: 0, range: start..<end)
                guard rows.count == leaves.count else {
                    throw LogError(.integrityViolation, "the log holds \(leaves.count) leaves but \(rows.count) events in \(start)..<\(end): events were removed")
                }
                for (row, leaf) in zip(rows, leaves) where TreeHasher.leafHash(row.data) != leaf {
                    throw LogError(.integrityViolation, "event \(row.index) hashes to \(TreeHasher.leafHash(row.data).hex) but leaf \(row.index) is \(leaf.hex): the stored event or its leaf was altered")
                }
                start = end
            }
            return checkpoint
        } catch let error as LogError {
            throw VaultError(.integrity, "the transparency log failed its check: \(error.message)")
        }
    }
}

extension Vault {
    /// One collection event per record, and a consent grant for each consent given at collection.
    static func collectionEvents(_ prepared: PreparedBatch, subjects: [String: String]) -> [LogEvent] {
        var events: [LogEvent] = []
        events.reserveCapacity(prepared.records.count + prepared.consents.count)
        func event(_ kind: LogEvent.Kind, subject: String, purpose: String, fields: [String], detail: String?) -> LogEvent {
            LogEvent(kind: kind, time: prepared.at, actor: systemActor.id, role: systemActor.role, purpose: purpose, fields: fields,
                     decision: "recorded", subject: subject, detail: detail)
        }
        for record in prepared.records {
            guard let subject = subjects[record.subjectID] else { continue }
            events.append(event(.collection, subject: subject, purpose: record.purpose, fields: record.sealedFields.keys.sorted(), detail: record.standard))
        }
        for consent in prepared.consents {
            guard let subject = subjects[consent.subjectID] else { continue }
            events.append(event(.consentGrant, subject: subject, purpose: consent.purpose, fields: [], detail: consent.method))
        }
        return events
    }
}

extension Vault {
    /// Logs a consent grant or withdrawal, one event per purpose.
    func logConsent(_ kind: LogEvent.Kind, subjectID: String, purposes: [String], at time: Date, detail: String) async throws {
        let subject = try await subjectCommitment(subjectID)
        try await logEvents(purposes.map { subjectEvent(kind, subject: subject, purpose: $0, fields: [], at: time, detail: detail) })
    }

    /// Logs an erasure under the commitment computed before the salt was destroyed.
    func logErasure(_ subjectID: String, commitment: String, at time: Date) async throws {
        transparency.commitments.forget(subjectID)
        try await logEvents([subjectEvent(.erasure, subject: commitment, purpose: nil, fields: [], at: time, detail: "data key and commitment salt destroyed")])
    }
}
