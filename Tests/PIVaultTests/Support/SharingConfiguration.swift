import Foundation
import PIVault

/// The demo configuration plus a recipients registry — another handler, an
/// entrusted processor with a contract, a handler abroad, and one no purpose
/// names — the purposes that give data to them, an officer role and anomaly rules.
enum SharingConfiguration {
    static let purposes = """
      - id: research-sharing
        title: Research sharing
        description: Provide health declarations to the provincial CDC for research.
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
        description: An entrusted laboratory processes test registrations for the commission.
        basis: statutory-duty
        standards: [epidemic-registration]
        fields: [name, mobile, health_declaration]
        recipients: [cloud-lab]
        retention: 1y
        necessity: Test results must be matched to the person tested.
        impact: The laboratory sees health declarations under contract.

      - id: overseas-research
        title: Overseas vaccine research
        description: Vaccination status for an international vaccine-effectiveness study.
        basis: consent
        standards: [epidemic-registration]
        fields: [vaccination_status]
        recipients: [geneva-lab]
        retention: 1y
        necessary: false
        necessity: The study measures effectiveness by vaccination status.
        impact: Vaccination status leaves the PRC.

    """

    static let registry = """
    recipients:
      - id: provincial-cdc
        name: Provincial CDC
        kind: handler
        contact: cdc@province.example.cn
      - id: cloud-lab
        name: Cloud Lab Ltd.
        kind: processor
        contact: dpo@cloudlab.example.cn
        contract: { from: 2022-01-01, until: 2022-06-30, purposes: [lab-processing], categories: [basic, contact] }
      - id: geneva-lab
        name: Geneva Vaccine Lab
        kind: handler
        country: CH
        mechanism: standard-contract
        contact: study@geneva-lab.example.ch
        rights_contact: privacy@geneva-lab.example.ch
      - id: unused-partner
        name: Unused Partner
        kind: handler

    """

    static let anomaly = """
    anomaly:
      time_zone: Asia/Shanghai
      working_hours: 08:00-20:00
      webhook: https://alerts.example.cn/pivault
      rules:
        - { id: many-subjects, kind: distinct-subjects, window: 1h, baseline: 3, suspend: true }
        - { id: denials, kind: repeated-denials, window: 10m, baseline: 2 }
        - { id: bulk-export, kind: bulk-export, window: 1h, baseline: 2 }

    """

    /// The configuration; `anomalyRules` replaces the anomaly section.
    static func yaml(anomaly: String = SharingConfiguration.anomaly) -> String {
        DemoConfiguration.yaml.replacingOccurrences(of: "roles:\n", with: purposes + "roles:\n")
            .replacingOccurrences(of: "{ id: support, purposes: [service-newsletter] }",
                                  with: "{ id: support, purposes: [service-newsletter, research-sharing, lab-processing, overseas-research] }\n  - { id: officer, purposes: [], officer: true }")
            + registry + anomaly
    }
}
