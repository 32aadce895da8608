import PIVaultCore
import Yams

extension ConfigurationChecker {
    /// Recipient checks (PIPL Art. 21, 23, 38–39): unique ids, every recipient a
    /// purpose names is registered, contracts name known purposes and categories,
    /// and anomaly rule ids are unique.
    func checkRecipients(taxonomy: Taxonomy, purposeIDs: Set<String>) {
        duplicates(parsed.recipients.map { ($0.value.id, $0.node) }, kind: "recipient")
        duplicates(parsed.anomalyRules.map { ($0.value.id, $0.node) }, kind: "anomaly rule")
        let registered = Dictionary(parsed.recipients.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let known = registered.keys.sorted()
        for (purpose, references) in parsed.purposeRecipients {
            for (recipient, node) in references {
                guard let entry = registered[recipient] else {
                    let hint = known.isEmpty ? "declare it under 'recipients' with its kind (handler or processor)" : "declare it under 'recipients' or use one of \(known.joined(separator: ", "))"
                    cursor.report(node, "purpose '\(purpose)' names unregistered recipient '\(recipient)'; \(hint) (PIPL Art. 21, 23)")
                    continue
                }
                if let contract = entry.contract, !contract.purposes.isEmpty, !contract.purposes.contains(purpose) {
                    cursor.report(node, "purpose '\(purpose)' names entrusted processor '\(recipient)', whose contract covers only \(contract.purposes.joined(separator: ", ")); add the purpose to the contract or drop the recipient (PIPL Art. 21)")
                }
                if entry.isAbroad, entry.mechanism == nil {
                    cursor.report(node, "purpose '\(purpose)' transfers to recipient '\(recipient)' abroad, which declares no transfer mechanism (PIPL Art. 38)")
                }
            }
        }
        for reference in parsed.contractPurposes where !purposeIDs.contains(reference.purpose) {
            cursor.report(reference.node, "the contract of recipient '\(reference.recipient)' names unknown purpose '\(reference.purpose)'; declare it under 'purposes'")
        }
        for reference in parsed.contractCategories where taxonomy[reference.category] == nil {
            cursor.report(reference.node, "the contract of recipient '\(reference.recipient)' permits unknown data category '\(reference.category)'; use one of \(taxonomy.categories.keys.sorted().joined(separator: ", "))")
        }
    }
}
