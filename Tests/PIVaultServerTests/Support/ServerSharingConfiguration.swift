import Foundation
import PIVault

/// The demo configuration plus a recipients registry, purposes that give data
/// to recipients, an officer role, and an anomaly rule that suspends.
enum ServerSharingConfiguration {
    static let yaml = DemoConfiguration.yaml.replacingOccurrences(of: "roles:\n", with: """
      - id: research-sharing
        title: Research sharing
        basis: consent
        standards: [epidemic-registration]
        fields: [health_declaration]
        recipients: [provincial-cdc]
        retention: 2y
        necessary: false
        necessity: Research on symptoms needs the declarations.
        impact: Health information leaves this handler.

      - id: lab-processing
        title: Laboratory processing
        basis: statutory-duty
        standards: [epidemic-registration]
        fields: [name, mobile, health_declaration]
        recipients: [cloud-lab]
        retention: 1y
        necessity: Test results must be matched to the person tested.
        impact: The laboratory sees health declarations under contract.

    roles:

    """).replacingOccurrences(of: "{ id: support, purposes: [service-newsletter] }",
                              with: "{ id: support, purposes: [service-newsletter, research-sharing, lab-processing] }\n  - { id: officer, purposes: [], officer: true }")
        + """
        recipients:
          - { id: provincial-cdc, name: Provincial CDC, kind: handler }
          - id: cloud-lab
            name: Cloud Lab Ltd.
            kind: processor
            contract: { from: 2022-01-01, until: 2022-06-30, purposes: [lab-processing], categories: [basic, contact] }
        anomaly:
          rules:
            - { id: many-subjects, kind: distinct-subjects, window: 1h, baseline: 2, suspend: true }

        """
}
