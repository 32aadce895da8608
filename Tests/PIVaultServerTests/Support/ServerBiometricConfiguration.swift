import Foundation
import PIVault

/// The demo configuration plus a face standard, a consent-based 1:1
/// verification purpose, a 1:N identification purpose and their roles, with
/// a filing threshold of two people.
enum ServerBiometricConfiguration {
    static let yaml = DemoConfiguration.yaml
        .replacingOccurrences(of: "\npurposes:\n", with: """

          - id: face-enrolment
            title: Face enrolment
            fields:
              - { name: face, type: biometric, modality: face, dimensions: 4, category: biometric }
        purposes:

        """)
        .replacingOccurrences(of: "roles:\n", with: """
          - id: venue-access
            title: Venue access by face
            basis: consent
            standards: [face-enrolment]
            fields: [face]
            retention: 1y
            necessary: false
            necessity: Matching a face opens the gate.
            impact: A face template is sensitive.
            alternative: Show an identity card at the desk
            setting: private

          - id: camera-search
            title: Camera search
            basis: statutory-duty
            standards: [face-enrolment]
            fields: [face]
            retention: 30d
            necessity: Public security.
            impact: Identification among many.
            alternative: None
            setting: public-place-with-signage
            identification: true

        roles:

        """)
        .replacingOccurrences(of: "{ id: support, purposes: [service-newsletter] }",
                              with: "{ id: support, purposes: [service-newsletter] }\n  - { id: gate-staff, purposes: [venue-access] }\n  - { id: police, purposes: [camera-search] }")
        + "\nbiometrics:\n  filing_threshold: 2\n"
}
