import Foundation
import PIVault

/// The demo configuration plus biometric standards — face templates with raw
/// capture allowed, fingerprint templates without — a consent-based 1:1
/// verification purpose, a 1:N identification purpose, and the roles using them.
enum BiometricConfiguration {
    static let standards = """
      - id: face-enrolment
        title: Face enrolment
        fields:
          - { name: face, type: biometric, modality: face, dimensions: 8, raw_capture: true, category: biometric }
      - id: fingerprint-enrolment
        title: Fingerprint enrolment
        fields:
          - { name: fingerprint, type: biometric, modality: fingerprint, dimensions: 8, category: biometric }

    """

    static let purposes = """
      - id: venue-access
        title: Venue access by face
        description: Let registered visitors into the venue by matching their face.
        basis: consent
        standards: [face-enrolment]
        fields: [face]
        retention: 1y
        necessary: false
        necessity: Matching a face opens the gate without staff.
        impact: A face template is sensitive; it never leaves the vault.
        alternative: Show an identity card to the staff at the desk
        setting: private
        match_threshold: 0.95

      - id: clock-in
        title: Clock-in by fingerprint
        description: Record staff attendance by fingerprint.
        basis: consent
        standards: [fingerprint-enrolment]
        fields: [fingerprint]
        retention: 1y
        necessary: false
        necessity: Attendance must be personal.
        impact: A fingerprint template is sensitive.
        alternative: Sign the attendance sheet
        setting: private

      - id: camera-search
        title: Camera search
        description: Identify people among all enrolled faces.
        basis: statutory-duty
        standards: [face-enrolment]
        fields: [face]
        retention: 30d
        necessity: Public security.
        impact: Identification among many.
        alternative: None for public security
        setting: public-place-with-signage
        identification: true

    """

    static func yaml(filingThreshold: Int? = nil) -> String {
        DemoConfiguration.yaml
            .replacingOccurrences(of: "\npurposes:\n", with: "\n" + standards + "purposes:\n")
            .replacingOccurrences(of: "roles:\n", with: purposes + "roles:\n")
            .replacingOccurrences(of: "{ id: support, purposes: [service-newsletter] }",
                                  with: "{ id: support, purposes: [service-newsletter] }\n  - { id: gate-staff, purposes: [venue-access, clock-in] }\n  - { id: police, purposes: [camera-search] }")
            + (filingThreshold.map { "\nbiometrics:\n  filing_threshold: \($0)\n" } ?? "")
    }
}
