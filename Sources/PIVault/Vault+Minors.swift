import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The subject's age at `instant`, from a date-of-birth field or the birth
    /// date inside a resident ID, or nil when the vault holds neither. These
    /// fields are decrypted only inside the vault to apply PIPL Art. 31, never returned.
    func subjectAge(_ subjectID: String, at instant: Date) async throws -> Int? {
        let candidates = configuration.standards.values.flatMap { standard in
            standard.fields.filter { $0.type == .date && $0.name.contains("birth") || $0.type == .residentID }.map { (standard.id, $0) }
        }
        guard !candidates.isEmpty else { return nil }
        let sealed = try await store.read { session in
            try await session.sealedFields(subjectID: subjectID, standards: Array(Set(candidates.map(\.0))), fields: Array(Set(candidates.map(\.1.name))))
        }
        guard !sealed.isEmpty else { return nil }
        let dataKey = try await subjectDataKey(subjectID)
        for field in sealed {
            guard let plaintext = try? dataKey.open(field.ciphertext, binding: FieldContext(subjectID: subjectID, recordID: field.recordID, fieldPath: field.field)),
                  case .string(let text) = try StoredValueCodec.decode(plaintext) else { continue }
            if let birth = Self.birthDate(fromValue: text) { return ISODate.years(from: birth, to: instant) }
        }
        return nil
    }

    /// The age in a submission about to be collected, from the same fields.
    func submissionAge(_ values: [String: JSONValue], standard: CollectionStandard, at instant: Date) -> Int? {
        for field in standard.fields where field.type == .residentID || (field.type == .date && field.name.contains("birth")) {
            if case .string(let text)? = values[field.name], let birth = Self.birthDate(fromValue: text) {
                return ISODate.years(from: birth, to: instant)
            }
        }
        return nil
    }

    static func birthDate(fromValue text: String) -> Date? {
        if text.count == 18, let date = ResidentIDNumber.birthDate(of: text.uppercased()) { return ISODate.parseDate(date) }
        return ISODate.parseDate(text)
    }
}
