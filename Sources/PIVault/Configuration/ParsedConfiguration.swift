import PIVaultCore
import Yams

/// A configuration as parsed, with the YAML nodes of every reference, so the
/// checker can point at the exact place of a problem.
struct ParsedConfiguration {
    struct Located<Value> {
        var value: Value
        var node: Node
    }

    var handler: Handler?
    var categories: [Located<DataCategory>] = []
    var standards: [Located<CollectionStandard>] = []
    /// Category references of fields: (standard, field, category, node).
    var fieldCategories: [(standard: String, field: String, category: String, node: Node)] = []
    var fieldNodes: [String: [Node]] = [:]
    var purposes: [Located<Purpose>] = []
    var purposeReferences: [String: (standards: [(String, Node)], fields: [(String, Node)], masked: [(String, Node)])] = [:]
    var roles: [Located<Role>] = []
    var rolePurposes: [String: [(String, Node)]] = [:]
    var recipients: [Located<Recipient>] = []
    /// Recipient references of purposes, with their nodes.
    var purposeRecipients: [String: [(String, Node)]] = [:]
    /// Category and purpose references of processor contracts: (recipient, id, node).
    var contractCategories: [(recipient: String, category: String, node: Node)] = []
    var contractPurposes: [(recipient: String, purpose: String, node: Node)] = []
    var anomaly = AnomalyPolicy()
    var anomalyRules: [Located<AnomalyRule>] = []
    /// The `biometrics:` section's filing threshold, when given.
    var biometricFilingThreshold: Int?

    var configuration: VaultConfiguration? {
        guard let handler else { return nil }
        var configuration = VaultConfiguration(
            handler: handler,
            taxonomy: Taxonomy(additional: categories.map(\.value)),
            standards: standards.map(\.value),
            purposes: purposes.map(\.value),
            roles: roles.map(\.value),
            recipients: recipients.map(\.value),
            anomaly: anomaly)
        if let biometricFilingThreshold { configuration.biometricFilingThreshold = biometricFilingThreshold }
        return configuration
    }
}
