import Crypto
import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The sealed details of a request, validated now: a correction's values,
    /// a portability request's recipient. Nil when the right needs none.
    func preparedPayload(_ new: NewRightsRequest, requestID: String, now: Date) async throws -> Data? {
        var details: [String: JSONValue] = [:]
        switch new.kind {
        case .correction:
            guard let recordID = new.recordID, !new.corrections.isEmpty else {
                throw VaultError(.invalidInput, "a correction names the record and the corrected values (record id and field → value)", article: "PIPL Art. 46")
            }
            _ = try await correctedRecord(subjectID: new.subjectID, recordID: recordID, corrections: new.corrections, now: now)
            details["corrections"] = .object(new.corrections)
        case .withdrawal:
            guard let purposeID = new.purpose, let purpose = configuration.purposes[purposeID] else {
                throw VaultError(.invalidInput, "a withdrawal names a declared purpose; use one of \(configuration.purposes.keys.sorted().joined(separator: ", "))", article: "PIPL Art. 15")
            }
            guard purpose.basis == .consent else {
                throw VaultError(.invalidInput, "purpose '\(purposeID)' rests on \(purpose.basis.rawValue), not consent, so there is no consent to withdraw; ask for restriction or deletion instead", article: "PIPL Art. 15")
            }
        case .restriction:
            if let purposeID = new.purpose, configuration.purposes[purposeID] == nil {
                throw VaultError(.invalidInput, "purpose '\(purposeID)' is not declared", article: "PIPL Art. 44")
            }
        case .portability:
            if let recipient = new.recipient { details["recipient"] = .string(recipient) }
        case .access, .copy, .deletion, .explanation:
            break
        }
        try checkBiometricExportRequest(new)
        if new.includeBiometricTemplates { details["biometricTemplates"] = .bool(true) }
        guard !details.isEmpty else { return nil }
        let key = try await subjectDataKey(new.subjectID)
        return try key.seal(try SignedDocument.canonical(.object(details)), binding: Self.payloadBinding(new.subjectID, requestID))
    }

    static func payloadBinding(_ subjectID: String, _ requestID: String) -> FieldContext {
        FieldContext(subjectID: subjectID, recordID: requestID, fieldPath: "rights.request")
    }

    func openPayload(_ row: RightsRequestRow) async throws -> [String: JSONValue] {
        guard let payload = row.payload else { return [:] }
        let key = try await subjectDataKey(row.subjectID)
        let plaintext = try key.open(payload, binding: Self.payloadBinding(row.subjectID, row.id))
        guard case .object(let details) = try JSONDecoder().decode(JSONValue.self, from: plaintext) else {
            throw VaultError(.integrity, "the details of request \(row.id) are malformed; refuse it and ask for a new one")
        }
        return details
    }

    /// Carries out a request's right, returning what was done and the signed document delivered.
    func fulfil(_ row: RightsRequestRow, handler: String) async throws -> (actions: [String], document: String?) {
        guard let kind = RightsRequest.Kind(rawValue: row.type) else {
            throw VaultError(.invalidInput, "request \(row.id) has unknown type '\(row.type)'; refuse it")
        }
        let details = try await openPayload(row)
        switch kind {
        case .access:
            let report = try await accessReport(subjectID: row.subjectID, requestID: row.id)
            return (["access report of everything held: records, consents and notice versions, recipients, corrections, deletions, and the access history with inclusion proofs"], try SignedDocument.sign(report, with: signer))
        case .copy, .portability:
            var recipient: String?
            if case .string(let name)? = details["recipient"] { recipient = name }
            var export = try await dataExport(subjectID: row.subjectID, requestID: row.id, portable: kind == .portability, recipient: recipient)
            if details["biometricTemplates"] == .bool(true), case .object(var members) = export {
                members["biometricTemplates"] = try await biometricExport(subjectID: row.subjectID)
                export = .object(members)
            }
            return (["machine-readable export with a manifest, signed by the vault"], try SignedDocument.sign(export, with: signer))
        case .correction:
            guard case .object(let corrections)? = details["corrections"], let recordID = row.recordID else {
                throw VaultError(.integrity, "request \(row.id) carries no corrected values; refuse it and ask for a new one")
            }
            let fields = try await applyCorrection(subjectID: row.subjectID, recordID: recordID, corrections: corrections, requestID: row.id)
            return (["record \(recordID): field(s) \(fields.joined(separator: ", ")) corrected after validation; previous values kept in the encrypted history"], nil)
        case .deletion:
            return (try await fulfilDeletion(subjectID: row.subjectID, requestID: row.id), nil)
        case .withdrawal:
            let outcome = try await withdrawConsent(subjectID: row.subjectID, purpose: row.purpose ?? "", method: "rights-request")
            return (["consent to purpose '\(row.purpose ?? "")' withdrawn (\(outcome.consentIDs.count) consent(s)); \(outcome.recordsDeleted) record(s) resting only on it deleted"], outcome.receipt)
        case .explanation:
            return (["explanation of the processing rules that apply"], try SignedDocument.sign(try await explanation(subjectID: row.subjectID, requestID: row.id), with: signer))
        case .restriction:
            let count = try await restrict(subjectID: row.subjectID, purpose: row.purpose, requestID: row.id)
            return (["\(count) record(s) restricted to storage and protection; every read is denied"], nil)
        }
    }

    /// The subject's records with their values opened; a field failing its integrity check is named, not returned.
    func openedRecords(subjectID: String) async throws -> [(summary: RecordSummary, values: [String: JSONValue], failed: [String])] {
        let (summaries, sealed) = try await store.read { session in
            (try await session.recordSummaries(subjectID: subjectID), try await session.allSealedFields(subjectID: subjectID))
        }
        let key = try await subjectDataKey(subjectID)
        return summaries.map { summary in
            var values: [String: JSONValue] = [:]
            var failed: [String] = []
            for (field, ciphertext) in sealed[summary.recordID] ?? [:] {
                let context = FieldContext(subjectID: subjectID, recordID: summary.recordID, fieldPath: field)
                if let plaintext = try? key.open(ciphertext, binding: context), let value = try? StoredValueCodec.decode(plaintext) {
                    values[field] = value
                } else {
                    failed.append(field)
                }
            }
            return (summary, values, failed.sorted())
        }
    }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func time(_ date: Date) -> JSONValue { .string(ISODate.formatDateTime(date)) }
}
