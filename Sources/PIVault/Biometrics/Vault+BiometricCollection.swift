import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// Templates prepared with a collection, and the biometric keys created for them.
struct PreparedBiometrics: Sendable {
    var templates: [BiometricTemplateRow] = []
    var newKeys: [(subjectID: String, version: Int, wrappedKey: Data, createdAt: Date)] = []
    var keys: [String: DataKey] = [:]

    mutating func merge(_ other: PreparedBiometrics) {
        templates += other.templates
        newKeys += other.newKeys
        keys.merge(other.keys) { first, _ in first }
    }
}

extension Vault {
    /// The owner a subject's biometric key is wrapped for, so it can never pass for the identity data key.
    static func biometricKeyOwner(_ subjectID: String) -> String { "\(subjectID)#biometric" }

    /// Where a template is sealed: its own id and field, so ciphertexts cannot be swapped.
    static func templateContext(_ row: BiometricTemplateRow) -> FieldContext {
        FieldContext(subjectID: row.subjectID, recordID: row.templateID, fieldPath: "biometric:\(row.field)")
    }

    /// Splits validated values into identity values and biometric templates
    /// (PIPL Art. 28): templates never join the identity record.
    static func splitBiometric(_ values: [String: JSONValue], standard: CollectionStandard) -> (identity: [String: JSONValue], templates: [(field: String, template: BiometricTemplate)]) {
        var identity: [String: JSONValue] = [:]
        var templates: [(String, BiometricTemplate)] = []
        for (field, value) in values {
            guard case .biometric(let spec)? = standard.field(named: field)?.type else {
                identity[field] = value
                continue
            }
            guard case .object(let members) = value, case .array(let items)? = members["template"] else { continue }
            let numbers = items.compactMap { item -> Double? in if case .number(let n) = item { n } else { nil } }
            let derived = members["derived_from_raw"] == .bool(true)
            templates.append((field, BiometricTemplate(values: numbers, modality: spec.modality, derivedFromRaw: derived)))
        }
        return (identity, templates.sorted { $0.0 < $1.0 })
    }

    /// Seals a submission's templates under the subject's biometric key — created
    /// on first use, wrapped by the master key apart from the data key.
    func prepareTemplates(_ templates: [(field: String, template: BiometricTemplate)], into biometrics: inout PreparedBiometrics,
                          subjectID: String, isNew: Bool, recordID: String, standard: String, purpose: String, retainUntil: Date, now: Date) async throws {
        guard !templates.isEmpty else { return }
        let key: DataKey
        if let cached = biometrics.keys[subjectID] {
            key = cached
        } else if !isNew, let stored = try await store.read({ try await $0.biometricKey(subjectID) }) {
            key = try keyring.unwrap(WrappedKey(version: stored.version, sealed: stored.wrappedKey), for: Self.biometricKeyOwner(subjectID))
        } else {
            key = DataKey.generate()
            let wrapped = try keyring.wrap(key, for: Self.biometricKeyOwner(subjectID))
            biometrics.newKeys.append((subjectID, wrapped.version, wrapped.sealed, now))
        }
        biometrics.keys[subjectID] = key
        for (field, template) in templates {
            var row = BiometricTemplateRow(subjectID: subjectID, templateID: Identifiers.random(prefix: "bio"), recordID: recordID, standard: standard, field: field,
                                           purpose: purpose, modality: template.modality.rawValue, dimensions: template.values.count,
                                           derivedFromRaw: template.derivedFromRaw, collectedAt: now, retainUntil: retainUntil, ciphertext: nil)
            row.ciphertext = try key.seal(template.encoded, binding: Self.templateContext(row))
            biometrics.templates.append(row)
        }
    }

    /// Stores the templates and new keys inside the collection's transaction.
    static func storeBiometrics(_ biometrics: PreparedBiometrics, session: StoreSession) async throws {
        try await session.insertBiometricKeys(biometrics.newKeys)
        try await session.insertBiometricTemplates(biometrics.templates)
    }

    /// One event per template collected, and one per raw capture deleted after
    /// derivation — field paths and modality only, never a value.
    static func biometricEvents(_ biometrics: PreparedBiometrics, at time: Date, subjects: [String: String]) -> [LogEvent] {
        var events: [LogEvent] = []
        for row in biometrics.templates {
            guard let subject = subjects[row.subjectID] else { continue }
            events.append(LogEvent(kind: .biometricCollection, time: time, actor: systemActor.id, role: systemActor.role, purpose: row.purpose,
                                   fields: [row.field], decision: "recorded", subject: subject, detail: row.modality))
            if row.derivedFromRaw {
                events.append(LogEvent(kind: .rawCaptureDeletion, time: time, actor: systemActor.id, role: systemActor.role, purpose: row.purpose,
                                       fields: [row.field], decision: "recorded", subject: subject, detail: "template derived; raw capture discarded unstored"))
            }
        }
        return events
    }
}
