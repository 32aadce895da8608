import PIVaultCore
import Yams

/// The semantic checks of a parsed configuration: duplicate ids, unknown
/// categories, standards and fields, and sensitive data under a basis that cannot carry it.
struct ConfigurationChecker {
    let cursor: YAMLCursor
    let parsed: ParsedConfiguration

    func check() {
        duplicates(parsed.categories.map { ($0.value.id, $0.node) }, kind: "category")
        duplicates(parsed.standards.map { ($0.value.id, $0.node) }, kind: "standard")
        duplicates(parsed.purposes.map { ($0.value.id, $0.node) }, kind: "purpose")
        duplicates(parsed.roles.map { ($0.value.id, $0.node) }, kind: "role")
        for (key, nodes) in parsed.fieldNodes where nodes.count > 1 {
            for node in nodes.dropFirst() { cursor.report(node, "field '\(key)' is declared twice; keep one declaration") }
        }
        let taxonomy = Taxonomy(additional: parsed.categories.map(\.value))
        for reference in parsed.fieldCategories where taxonomy[reference.category] == nil {
            cursor.report(reference.node, "field '\(reference.field)' of standard '\(reference.standard)' has unknown data category '\(reference.category)'; use one of \(taxonomy.categories.keys.sorted().joined(separator: ", ")) or declare it under 'categories'")
        }
        let standards = Dictionary(parsed.standards.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        for purpose in parsed.purposes {
            checkPurpose(purpose.value, node: purpose.node, standards: standards, taxonomy: taxonomy)
        }
        let purposeIDs = Set(parsed.purposes.map(\.value.id))
        for (role, references) in parsed.rolePurposes {
            for (purpose, node) in references where !purposeIDs.contains(purpose) {
                cursor.report(node, "role '\(role)' is granted unknown purpose '\(purpose)'; declare it under 'purposes' or remove it")
            }
        }
        checkRecipients(taxonomy: taxonomy, purposeIDs: purposeIDs)
        checkBiometrics(standards: standards, taxonomy: taxonomy)
    }

    func duplicates(_ items: [(String, Node)], kind: String) {
        var seen = Set<String>()
        for (id, node) in items where !seen.insert(id).inserted {
            cursor.report(node, "duplicate \(kind) id '\(id)'; ids must be unique")
        }
    }

    func checkPurpose(_ purpose: Purpose, node: Node, standards: [String: CollectionStandard], taxonomy: Taxonomy) {
        guard let references = parsed.purposeReferences[purpose.id] else { return }
        for (standard, standardNode) in references.standards where standards[standard] == nil {
            cursor.report(standardNode, "purpose '\(purpose.id)' names unknown standard '\(standard)'; declare it under 'standards'")
        }
        let known = references.standards.compactMap { standards[$0.0] }
        var sensitive: [String] = []
        for (field, fieldNode) in references.fields {
            guard let definition = known.lazy.compactMap({ $0.field(named: field) }).first else {
                cursor.report(fieldNode, "purpose '\(purpose.id)' names field '\(field)', which none of its standards (\(purpose.standards.joined(separator: ", "))) declares")
                continue
            }
            if taxonomy[definition.category]?.sensitive == true { sensitive.append(field) }
        }
        for (field, maskedNode) in references.masked where !purpose.fields.contains(field) {
            cursor.report(maskedNode, "purpose '\(purpose.id)' masks field '\(field)' that it does not list under 'fields'")
        }
        if !sensitive.isEmpty && !purpose.basis.coversSensitiveData {
            cursor.report(node, "purpose '\(purpose.id)' reads sensitive field(s) \(sensitive.joined(separator: ", ")) on basis '\(purpose.basis.rawValue)', which does not cover sensitive personal information; use consent (separate consent) or a statutory basis, or drop the fields (PIPL Art. 28–29)")
        }
        if !sensitive.isEmpty && (purpose.necessity == nil || purpose.impact == nil) {
            cursor.report(node, "purpose '\(purpose.id)' reads sensitive field(s) \(sensitive.joined(separator: ", ")); state why with 'necessity' and the effect on people with 'impact' (PIPL Art. 28, 30)")
        }
    }
}
