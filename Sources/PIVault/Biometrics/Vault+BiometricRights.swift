import Foundation
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// What the subject's access report says about their biometric templates
    /// (PIPL Art. 45): that one is held, its modality, since when and for
    /// which purpose — never its values.
    func biometricAccessSection(subjectID: String) async throws -> (section: JSONValue, english: [String], chinese: [String]) {
        let rows = try await store.read { try await $0.biometricTemplates(subjectID: subjectID, sealed: false) }
        let section = JSONValue.array(rows.map { row in
            .object([
                "templateID": .string(row.templateID), "modality": .string(row.modality), "field": .string(row.field),
                "standard": .string(row.standard), "purpose": .string(row.purpose),
                "purposeTitle": .string(configuration.purposes[row.purpose]?.title ?? row.purpose),
                "heldSince": Self.time(row.collectedAt), "retainUntil": Self.time(row.retainUntil),
                "derivedFromRawCapture": .bool(row.derivedFromRaw), "rawCaptureStored": .bool(false),
            ])
        })
        let english = rows.map { "- Biometric template (\($0.modality)) held since \(ISODate.formatDateTime($0.collectedAt)) for purpose '\($0.purpose)', kept until \(ISODate.formatDateTime($0.retainUntil)); no raw image is kept (PIPL Art. 28–29)." }
        let chinese = rows.map { "- 生物识别特征模板（\($0.modality)）自 \(ISODate.formatDateTime($0.collectedAt)) 起为处理目的「\($0.purpose)」保存，保存至 \(ISODate.formatDateTime($0.retainUntil))；不保存原始图像（第二十八条、第二十九条）。" }
        return (section, english, chinese)
    }

    /// The subject's templates with their values, for their own copy or
    /// portability export when they explicitly ask for them (PIPL Art. 45).
    func biometricExport(subjectID: String) async throws -> JSONValue {
        let (rows, wrapped) = try await store.read { session in
            (try await session.biometricTemplates(subjectID: subjectID, sealed: true), try await session.biometricKey(subjectID))
        }
        guard let wrapped, !rows.isEmpty else { return .array([]) }
        let key = try keyring.unwrap(WrappedKey(version: wrapped.version, sealed: wrapped.wrappedKey), for: Self.biometricKeyOwner(subjectID))
        return .array(try rows.map { row in
            guard let sealed = row.ciphertext, let values = BiometricTemplate.decode(try key.open(sealed, binding: Self.templateContext(row))) else {
                throw VaultError(.integrity, "biometric template \(row.templateID) failed its integrity check")
            }
            return .object([
                "templateID": .string(row.templateID), "modality": .string(row.modality), "purpose": .string(row.purpose),
                "collectedAt": Self.time(row.collectedAt), "template": .array(values.map(JSONValue.number)),
            ])
        })
    }

    /// Checks a request for template bytes: only the subject, only in a copy or
    /// portability export (PIPL Art. 45, 49: a relative never receives them).
    func checkBiometricExportRequest(_ new: NewRightsRequest) throws {
        guard new.includeBiometricTemplates else { return }
        guard new.kind == .copy || new.kind == .portability else {
            throw VaultError(.invalidInput, "biometric templates can be included only in a copy or portability export", article: "PIPL Art. 45")
        }
        guard new.requester == .subject else {
            throw VaultError(.denied, "biometric templates go only to the subject themselves, never to a relative", article: "PIPL Art. 28, 49")
        }
    }
}
