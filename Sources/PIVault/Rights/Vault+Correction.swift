import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// A record with corrections applied, validated as a new collection would
    /// be (standard, formats, the fields its purpose needs; PIPL Art. 6, 46).
    func correctedRecord(subjectID: String, recordID: String, corrections: [String: JSONValue], now: Date)
        async throws -> (current: [String: JSONValue], corrected: ValidatedRecord, standard: CollectionStandard) {
        let records = try await openedRecords(subjectID: subjectID)
        guard let record = records.first(where: { $0.summary.recordID == recordID }) else {
            throw VaultError(.notFound, "record \(recordID) is not one of subject \(subjectID)'s records; take the id from the access report", article: "PIPL Art. 46")
        }
        guard let purpose = configuration.purposes[record.summary.purpose], let standard = configuration.standards[record.summary.standard] else {
            throw VaultError(.invalidConfiguration, "record \(recordID) was collected under a purpose or standard no longer declared; restore it in the configuration to correct the record")
        }
        guard record.failed.isEmpty else {
            throw VaultError(.integrity, "record \(recordID) has fields that fail their integrity check; repair it before correcting it")
        }
        if let field = corrections.first(where: { $0.value == .null })?.key {
            throw VaultError(.invalidInput, "field '\(field)' has no corrected value; to remove data ask for deletion instead", fieldPath: field, article: "PIPL Art. 46")
        }
        let merged = record.values.merging(corrections) { _, new in new }
        let corrected = try validated(Submission(standard: standard.id, purpose: purpose.id, subjectID: subjectID, values: merged), purpose: purpose, standard: standard, now: now)
        return (record.values, corrected, standard)
    }

    /// Applies a correction in one transaction: each changed field is sealed
    /// anew, its previous ciphertext moves to the encrypted history (never
    /// destroyed silently), and blind indexes follow. Returns the fields changed.
    func applyCorrection(subjectID: String, recordID: String, corrections: [String: JSONValue], requestID: String) async throws -> [String] {
        let now = clock.now()
        let (current, corrected, standard) = try await correctedRecord(subjectID: subjectID, recordID: recordID, corrections: corrections, now: now)
        let changed = corrected.values.keys.filter { corrected.values[$0] != current[$0] }.sorted()
        guard !changed.isEmpty else {
            throw VaultError(.invalidInput, "the correction changes nothing: the record already holds these values", article: "PIPL Art. 46")
        }
        let key = try await subjectDataKey(subjectID)
        var updates: [(field: String, ciphertext: Data, index: (kind: String, old: String?, new: String)?)] = []
        for field in changed {
            let value = corrected.values[field]!
            let ciphertext = try key.seal(try StoredValueCodec.encode(value), binding: FieldContext(subjectID: subjectID, recordID: recordID, fieldPath: field))
            var index: (String, String?, String)?
            if let definition = standard.field(named: field), definition.indexed, case .string(let text) = value {
                let kind = Self.indexKind(definition.type)
                var old: String?
                if case .string(let previous)? = current[field] { old = blindIndex.digest(kind: kind, value: previous) }
                index = (kind, old, blindIndex.digest(kind: kind, value: text))
            }
            updates.append((field, ciphertext, index))
        }
        let planned = updates
        try await store.write { session in
            let sealed = try await session.allSealedFields(subjectID: subjectID)[recordID] ?? [:]
            for update in planned {
                try await session.replaceField(subjectID: subjectID, recordID: recordID, field: update.field, ciphertext: update.ciphertext,
                                               previous: sealed[update.field], requestID: requestID, at: now)
                if let index = update.index {
                    try await session.replaceBlindIndex(subjectID: subjectID, kind: index.kind, old: index.old, new: index.new)
                }
            }
        }
        logger.info("record corrected", metadata: ["subject": "\(subjectID)", "record": "\(recordID)", "fields": "\(changed.joined(separator: ","))"])
        return changed
    }

    /// The corrected-value history of a subject, opened: record, field, when, by which request, and the previous value.
    /// For the subject's own access and for audits; never logged.
    public func correctionHistory(subjectID: String) async throws -> [(recordID: String, field: String, replacedAt: Date, requestID: String, previous: JSONValue?)] {
        let entries = try await store.read { try await $0.fieldHistory(subjectID: subjectID) }
        let key = try await subjectDataKey(subjectID)
        return entries.map { entry in
            let plaintext = try? key.open(entry.ciphertext, binding: FieldContext(subjectID: subjectID, recordID: entry.recordID, fieldPath: entry.field))
            return (entry.recordID, entry.field, entry.replacedAt, entry.requestID, plaintext.flatMap { try? StoredValueCodec.decode($0) })
        }
    }
}
