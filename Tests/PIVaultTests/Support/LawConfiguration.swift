import Foundation
import PIVault

/// The demo configuration plus a sharing purpose that needs a separate consent.
enum LawConfiguration {
    static let sharing = """
      - id: research-sharing
        title: Research sharing
        description: Provide health declarations to the provincial CDC for research.
        basis: consent
        standards: [epidemic-registration]
        fields: [health_declaration]
        recipients: [Provincial CDC]
        retention: 2y
        necessary: false
        necessity: Research on symptoms needs the declarations.
        impact: Health information leaves this handler.

    """

    static var yaml: String {
        DemoConfiguration.yaml.replacingOccurrences(of: "roles:\n", with: sharing + "roles:\n")
            .replacingOccurrences(of: "{ id: support, purposes: [service-newsletter] }", with: "{ id: support, purposes: [service-newsletter, research-sharing] }")
            + "recipients:\n  - { id: Provincial CDC, kind: handler, contact: cdc@example.cn }\n"
    }
}
