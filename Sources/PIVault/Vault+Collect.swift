import Logging
import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// Creates a subject with its own data key and returns its pseudonymous id.
    public func addSubject() async throws -> String {
        let subjectID = Identifiers.timeOrdered(prefix: "sub", at: clock.now())
        let wrapped = try keyring.wrap(DataKey.generate(), for: subjectID)
        let now = clock.now()
        try await store.write { try await $0.insertSubject(subjectID, keyVersion: wrapped.version, wrappedKey: wrapped.sealed, at: now) }
        logger.info("subject created", metadata: ["subject": "\(subjectID)"])
        return subjectID
    }

    /// Collects one record; see ``collect(batch:)``.
    public func collect(_ submission: Submission) async throws -> CollectionReceipt {
        try await collect(batch: [submission])[0]
    }

    /// Collects records in one transaction: all are stored or none is.
    ///
    /// Each submission is validated against its standard (unknown fields
    /// rejected by name, formats checked; PIPL Art. 6), must be collected for a
    /// purpose that uses the standard and needs each field, and the purpose's
    /// legal basis must hold (Art. 13). Values are sealed under the subject's
    /// data key with their place as associated data; blind indexes are written
    /// for indexed fields.
    public func collect(batch: [Submission]) async throws -> [CollectionReceipt] {
        let now = clock.now()
        let prepared = try await prepareInSlices(batch, now: now)
        try await collections.write(prepared)
        logger.debug("records collected", metadata: ["count": "\(batch.count)"])
        return prepared.collected
    }

    struct PreparedBatch: Sendable {
        var at: Date
        var newSubjects: [(id: String, keyVersion: Int, wrappedKey: Data, createdAt: Date)] = []
        var existing: Set<String> = []
        var records: [StoredRecord] = []
        var consents: [ConsentRow] = []
        var receipts: [(subject: String, id: String, document: String, at: Date)] = []
        var noticesOwed: [NoticeOwedRow] = []
        var collected: [CollectionReceipt] = []
        var dataKeys: [String: DataKey] = [:]
        /// New subjects' sealed log salts and commitments.
        var logSalts: [String: (sealed: Data, commitment: String)] = [:]
        var biometrics = PreparedBiometrics()

        /// The batches as one, for a group commit.
        init(merging batches: [PreparedBatch]) {
            self.at = batches.first?.at ?? Date()
            for batch in batches {
                newSubjects += batch.newSubjects
                existing.formUnion(batch.existing)
                records += batch.records
                consents += batch.consents
                receipts += batch.receipts
                noticesOwed += batch.noticesOwed
                collected += batch.collected
                dataKeys.merge(batch.dataKeys) { first, _ in first }
                logSalts.merge(batch.logSalts) { first, _ in first }
                biometrics.merge(batch.biometrics)
            }
        }

        init(at: Date) { self.at = at }
    }

    /// Stores collected batches in one transaction, with their log events:
    /// no collection is stored unlogged, and none is logged unstored.
    static func commitCollections(_ batches: [PreparedBatch], store: VaultStore, transparency: VaultTransparency) async throws {
        let merged = PreparedBatch(merging: batches)
        let commitments = transparency.commitments
        let newSubjects = Set(merged.newSubjects.map(\.id))
        let (subjects, events) = try await store.write { session -> ([String: String], Int) in
            for subject in merged.existing {
                guard let row = try await session.subjectKey(subject) else {
                    throw VaultError(.notFound, "subject \(subject) does not exist; create it with `pivault subject add` or omit --subject")
                }
                if row.erasedAt != nil { throw VaultError(.erased, "subject \(subject) was erased; nothing can be collected for it", article: "PIPL Art. 47") }
            }
            try await session.insertSubjects(merged.newSubjects, logSalts: merged.logSalts.mapValues(\.sealed))
            try await session.insertRecords(merged.records)
            for consent in merged.consents { try await session.insertConsent(consent) }
            for receipt in merged.receipts { try await session.insertConsentReceipt(subjectID: receipt.subject, receiptID: receipt.id, document: receipt.document, at: receipt.at) }
            try await session.insertNoticesOwed(merged.noticesOwed)
            try await storeBiometrics(merged.biometrics, session: session)
            let subjects = try await commitments.commitments(for: merged.dataKeys, newSubjects: newSubjects, prepared: merged.logSalts, session: session)
            let events = batches.flatMap { collectionEvents($0, subjects: subjects) + biometricEvents($0.biometrics, at: $0.at, subjects: subjects) }
            _ = try await session.appendLogEntries(events.map { (subject: $0.subject, data: $0.leafData) })
            return (subjects, events.count)
        }
        commitments.remember(subjects)
        await transparency.sequencer.appended(events)
    }

    /// Validation and sealing are work on each submission alone, so a large
    /// batch of new subjects (a bulk load) is prepared in one slice per core
    /// and the slices merged in order; when several fail, the error is the
    /// one the first failing submission would have raised alone. Submissions
    /// for existing subjects are prepared in one pass, which creates each
    /// subject's keys once.
    func prepareInSlices(_ batch: [Submission], now: Date) async throws -> PreparedBatch {
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, batch.count / Self.submissionsPerSlice)
        guard slices > 1, batch.allSatisfy({ $0.subjectID == nil }) else { return try await prepare(batch, now: now) }
        let size = (batch.count + slices - 1) / slices
        let outcomes = await withTaskGroup(of: (Int, Result<PreparedBatch, any Error>).self) { group in
            for (index, start) in stride(from: 0, to: batch.count, by: size).enumerated() {
                let slice = Array(batch[start..<min(start + size, batch.count)])
                group.addTask {
                    do { return (index, .success(try await self.prepare(slice, now: now))) } catch { return (index, .failure(error)) }
                }
            }
            var outcomes: [(Int, Result<PreparedBatch, any Error>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return PreparedBatch(merging: try outcomes.map { try $0.get() })
    }

    /// Below this many submissions per slice, splitting costs more than it saves.
    static let submissionsPerSlice = 128

    func prepare(_ batch: [Submission], now: Date) async throws -> PreparedBatch {
        var prepared = PreparedBatch(at: now)
        var keysBySubject: [String: DataKey] = [:]
        var deadlines: [String: Date] = [:]
        let ring = keyring
        let emergencies = try await activeEmergencies()
        var checkedAssessments = Set<String>()
        for submission in batch {
            let (purpose, standard) = try collectionTargets(submission)
            // A purpose that needs an impact assessment collects nothing until it has one (PIPL Art. 55).
            if checkedAssessments.insert(purpose.id).inserted { try await checkAssessment(purpose) }
            let record = try validated(submission, purpose: purpose, standard: standard, now: now)
            var subjectID = submission.subjectID ?? ""
            var dataKey: DataKey
            var isNew = false
            if let given = submission.subjectID {
                if let cached = keysBySubject[given] { dataKey = cached } else {
                    dataKey = try await subjectDataKey(given)
                    prepared.existing.insert(given)
                }
            } else {
                subjectID = Identifiers.timeOrdered(prefix: "sub", at: now)
                dataKey = DataKey.generate()
                let wrapped = try ring.wrap(dataKey, for: subjectID)
                prepared.newSubjects.append((subjectID, wrapped.version, wrapped.sealed, now))
                prepared.logSalts[subjectID] = try SubjectCommitments.fresh(subjectID: subjectID, dataKey: dataKey)
                isNew = true
            }
            keysBySubject[subjectID] = dataKey
            prepared.dataKeys[subjectID] = dataKey
            try await checkCollectionBasis(purpose, subjectID: isNew ? nil : subjectID, consentGiven: submission.consentGiven, emergencies: emergencies, now: now)
            let recordID = Identifiers.timeOrdered(prefix: "rec", at: now)
            if purpose.basis == .consent, submission.consentGiven {
                if submission.guardian?.isEmpty ?? true, let age = submissionAge(record.values, standard: standard, at: now), age < 14 {
                    throw VaultError(.denied, "the subject is under 14, so consent must come from a guardian; pass the guardian's consent reference", article: "PIPL Art. 31")
                }
                prepared.consents.append(ConsentRow(id: Identifiers.random(prefix: "con"), subjectID: subjectID, purpose: purpose.id, grantedAt: now, withdrawnAt: nil,
                                                    noticeVersion: notices.versions[purpose.id], method: "at-collection", guardian: submission.guardian))
                let receiptID = Identifiers.random(prefix: "rcp")
                let receipt = try SignedDocument.sign(consentReceipt(id: receiptID, event: "grant", subjectID: subjectID, purposes: [purpose], method: "at-collection",
                                                                      at: now, guardian: submission.guardian != nil), with: signer)
                prepared.receipts.append((subjectID, receiptID, receipt, now))
            }
            if purpose.basis == .publicHealthEmergency, let emergency = emergencies.first(where: { $0.covers(purpose.id, at: now) }) {
                // Art. 18: collected without prior notice during an emergency; the notice is owed once it ends.
                prepared.noticesOwed.append(NoticeOwedRow(subjectID: subjectID, recordID: recordID, emergencyID: emergency.id, purpose: purpose.id, owedSince: now))
            }
            var sealed: [String: Data] = [:]
            var indexes: [(kind: String, digest: String)] = []
            let (identity, templates) = Self.splitBiometric(record.values, standard: standard)
            for (field, value) in identity {
                let plaintext = try StoredValueCodec.encode(value)
                sealed[field] = try dataKey.seal(plaintext, binding: FieldContext(subjectID: subjectID, recordID: recordID, fieldPath: field))
                if let definition = standard.field(named: field), definition.indexed, case .string(let text) = value {
                    let kind = Self.indexKind(definition.type)
                    indexes.append((kind, blindIndex.digest(kind: kind, value: text)))
                }
            }
            let deadline = deadlines[purpose.id] ?? purpose.retention.deadline(from: now)
            deadlines[purpose.id] = deadline
            try await prepareTemplates(templates, into: &prepared.biometrics, subjectID: subjectID, isNew: isNew, recordID: recordID,
                                       standard: standard.id, purpose: purpose.id, retainUntil: deadline, now: now)
            prepared.records.append(StoredRecord(subjectID: subjectID, recordID: recordID, standard: standard.id, purpose: purpose.id,
                                                 collectedAt: now, retainUntil: deadline, sealedFields: sealed, blindIndexes: indexes))
            prepared.collected.append(CollectionReceipt(subjectID: subjectID, recordID: recordID, retainUntil: deadline, newSubject: isNew))
        }
        return prepared
    }

    func collectionTargets(_ submission: Submission) throws -> (Purpose, CollectionStandard) {
        guard let standard = configuration.standards[submission.standard] else {
            throw VaultError(.invalidInput, "collection standard '\(submission.standard)' is not declared; use one of \(configuration.standards.keys.sorted().joined(separator: ", "))")
        }
        guard let purpose = configuration.purposes[submission.purpose] else {
            throw VaultError(.invalidInput, "purpose '\(submission.purpose)' is not declared; use one of \(configuration.purposes.keys.sorted().joined(separator: ", "))", article: "PIPL Art. 6")
        }
        guard purpose.standards.contains(standard.id) else {
            throw VaultError(.denied, "purpose '\(purpose.id)' does not collect under standard '\(standard.id)'", article: "PIPL Art. 6")
        }
        return (purpose, standard)
    }

    func checkCollectionBasis(_ purpose: Purpose, subjectID: String?, consentGiven: Bool, emergencies: [Emergency], now: Date) async throws {
        switch purpose.basis {
        case .consent:
            if consentGiven { return }
            if let subjectID {
                let consents = try await store.read { try await $0.consents(subjectID: subjectID) }
                if consents.contains(where: { $0.purpose == purpose.id && $0.withdrawnAt == nil && $0.grantedAt <= now }) { return }
            }
            throw VaultError(.denied, "purpose '\(purpose.id)' rests on consent and the subject has not consented; record the consent first or pass --consent-given when the subject consents at collection", article: "PIPL Art. 13(1), 14")
        case .publicHealthEmergency:
            guard emergencies.contains(where: { $0.covers(purpose.id, at: now) }) else {
                throw VaultError(.denied, "purpose '\(purpose.id)' rests on a public-health emergency and no declared emergency covers it now; declare one with `pivault emergency declare`", article: "PIPL Art. 13(4)")
            }
        case .contract, .statutoryDuty, .newsReporting, .publiclyAvailable, .otherLaw:
            return
        }
    }

    func subjectDataKey(_ subjectID: String) async throws -> DataKey {
        guard let row = try await store.read({ try await $0.subjectKey(subjectID) }) else {
            throw VaultError(.notFound, "subject \(subjectID) does not exist; check the id or find it with `pivault subject find`")
        }
        return try unwrapKey(row)
    }

    func unwrapKey(_ row: SubjectKeyRow) throws -> DataKey {
        guard row.erasedAt == nil, let version = row.keyVersion, let wrapped = row.wrappedKey else {
            throw VaultError(.erased, "subject \(row.subjectID) was erased; its data key was destroyed and its data no longer exists", article: "PIPL Art. 47")
        }
        return try keyring.unwrap(WrappedKey(version: version, sealed: wrapped), for: row.subjectID)
    }

    static func indexKind(_ type: FieldType) -> String { type.configName }
}

extension Vault {
    /// Checks a submission's standard, purpose and values without storing
    /// anything or checking the legal basis (which depends on the moment of collection).
    public func validate(_ submission: Submission) throws {
        let (purpose, standard) = try collectionTargets(submission)
        _ = try validated(submission, purpose: purpose, standard: standard, now: clock.now())
    }

    func validated(_ submission: Submission, purpose: Purpose, standard: CollectionStandard, now: Date) throws -> ValidatedRecord {
        let result = Result { () throws(VaultError) -> ValidatedRecord in
            try RecordValidator(standard: standard, today: now).validate(submission.values, needed: Set(purpose.fields))
        }
        switch result {
        case .success(let record):
            return record
        case .failure(let error):
            guard error.article == "PIPL Art. 6", error.message.contains("not needed") else { throw error }
            throw VaultError(.invalidInput, "field '\(error.fieldPath ?? "")' is not needed by purpose '\(purpose.id)'; collect only the fields the purpose lists", fieldPath: error.fieldPath, article: "PIPL Art. 6")
        }
    }
}
