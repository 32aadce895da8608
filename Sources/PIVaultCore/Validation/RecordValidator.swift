import Foundation

/// Validates a submission against its collection standard (PIPL Art. 6):
/// unknown fields are rejected by name, required fields must be present, and
/// each value must satisfy its type's format rule. Error messages name the
/// field and the rule, never the value.
public struct RecordValidator: Sendable {
    /// The standard submissions are checked against.
    public var standard: CollectionStandard
    /// Today's date, bounding birth dates.
    public var today: Date

    /// Creates a validator.
    public init(standard: CollectionStandard, today: Date) {
        self.standard = standard
        self.today = today
    }

    /// Validates `submission`, returning its canonical form or throwing the
    /// first problem found (unknown fields first, so minimal collection is enforced before formats).
    ///
    /// - Parameter needed: the fields the purpose of collection needs; a
    ///   standard's required field is only demanded when the purpose needs it,
    ///   and a field the purpose does not need is refused (PIPL Art. 6). Nil
    ///   checks against the standard alone.
    public func validate(_ submission: [String: JSONValue], needed: Set<String>? = nil) throws(VaultError) -> ValidatedRecord {
        let unknown = submission.keys.filter { standard.field(named: $0) == nil }.sorted()
        if let first = unknown.first {
            let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw VaultError(.invalidInput,
                "field\(unknown.count > 1 ? "s" : "") \(list) \(unknown.count > 1 ? "are" : "is") not in collection standard '\(standard.id)'; remove \(unknown.count > 1 ? "them" : "it") or declare \(unknown.count > 1 ? "them" : "it") in the standard",
                fieldPath: first, article: "PIPL Art. 6")
        }
        if let needed, let unneeded = submission.keys.sorted().first(where: { !needed.contains($0) }) {
            throw VaultError(.invalidInput, "field '\(unneeded)' is not needed by the purpose of collection; collect only the fields the purpose lists", fieldPath: unneeded, article: "PIPL Art. 6")
        }
        var values: [String: JSONValue] = [:]
        for field in standard.fields {
            guard let raw = submission[field.name], raw != .null else {
                if field.required && needed?.contains(field.name) ?? true {
                    throw VaultError(.invalidInput, "field '\(field.name)' is required by collection standard '\(standard.id)'", fieldPath: field.name)
                }
                continue
            }
            values[field.name] = try canonical(raw, for: field)
        }
        guard !values.isEmpty else {
            throw VaultError(.invalidInput, "the record has no fields; submit at least one field of standard '\(standard.id)'")
        }
        return ValidatedRecord(standard: standard.id, values: values)
    }

    func canonical(_ value: JSONValue, for field: FieldDefinition) throws(VaultError) -> JSONValue {
        func fail(_ rule: String) -> VaultError {
            VaultError(.invalidInput, "field '\(field.name)': \(rule)", fieldPath: field.name)
        }
        switch field.type {
        case .text:
            guard case .string(let text) = value else { throw fail("expected a string, got \(value.typeName)") }
            guard text.utf8.count <= 65_536 else { throw fail("text longer than 64 KiB") }
            return .string(text)
        case .residentID:
            guard case .string(let text) = value else { throw fail("expected a string, got \(value.typeName)") }
            let compact = text.filter { $0 != " " }.uppercased()
            if let problem = ResidentIDNumber.problem(with: compact, today: today) { throw fail(problem) }
            return .string(compact)
        case .mobile:
            guard case .string(let text) = value else { throw fail("expected a string, got \(value.typeName)") }
            guard let normalised = PhoneNumber.e164(text) else {
                throw fail("not a valid telephone number; give an 11-digit mainland mobile or an E.164 number such as +8613812345678")
            }
            return .string(normalised)
        case .date:
            guard case .string(let text) = value, let date = ISODate.parseDate(text) else {
                throw fail("expected an ISO 8601 date YYYY-MM-DD that exists")
            }
            return .string(ISODate.formatDate(date))
        case .dateTime:
            guard case .string(let text) = value, let date = ISODate.parseDateTime(text) else {
                throw fail("expected an ISO 8601 date-time with an offset, e.g. 2022-04-01T08:30:00+08:00")
            }
            return .string(ISODate.formatDateTime(date))
        case .email:
            guard case .string(let text) = value else { throw fail("expected a string, got \(value.typeName)") }
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                  !text.contains(" "), text.utf8.count <= 254 else {
                throw fail("not a valid e-mail address")
            }
            return .string("\(parts[0])@\(parts[1].lowercased())")
        case .enumeration(let allowed):
            guard case .string(let text) = value, allowed.contains(text) else {
                throw fail("must be one of: \(allowed.joined(separator: ", "))")
            }
            return .string(text)
        case .boolean:
            switch value {
            case .bool: return value
            case .string(let text) where ["true", "false"].contains(text.lowercased()): return .bool(text.lowercased() == "true")
            default: throw fail("expected true or false")
            }
        case .integer:
            switch value {
            case .number(let number) where number.rounded() == number && abs(number) < 9.0e15: return value
            case .string(let text) where Int64(text) != nil: return .number(Double(Int64(text)!))
            default: throw fail("expected a whole number")
            }
        case .textList:
            switch value {
            case .array(let items):
                var texts: [JSONValue] = []
                for item in items {
                    guard case .string = item else { throw fail("expected a list of strings") }
                    texts.append(item)
                }
                return .array(texts)
            case .string(let text):
                // CSV imports carry lists as `a;b;c`.
                return .array(text.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            default: throw fail("expected a list of strings")
            }
        case .biometric(let spec):
            // Only the template survives validation; a raw capture is reduced to one here.
            let template = try BiometricTemplate.parse(value, field: field.name, spec: spec)
            return .object(["modality": .string(template.modality.rawValue), "template": .array(template.values.map(JSONValue.number)),
                            "derived_from_raw": .bool(template.derivedFromRaw)])
        }
    }
}
