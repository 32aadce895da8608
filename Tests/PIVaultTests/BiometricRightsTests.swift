import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

/// The subject's view of their biometric templates (PIPL Art. 45) and the
/// filing flag of the face-recognition measures.
@Suite("Biometric templates in access reports, exports and the filing flag (PIPL Art. 28, 45)")
struct BiometricRightsTests {
    static func document(_ text: String?, _ test: TestVault) throws -> [String: JSONValue] {
        let document = try SignedDocument.verify(Data(try #require(text).utf8), trustedPublicKey: test.vault.signer.publicKeyBase64)
        guard case .object(let fields) = document else { throw VaultError(.integrity, "not an object") }
        return fields
    }

    @Test("Art. 45: the access report says a template is held, its modality, since when and for which purpose — never its values", arguments: TestEngine.available)
    func accessReport(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await BiometricTests.enrol(test.vault).subjectID
        let token = try await test.vault.issueSubjectToken(subjectID: subject)
        let request = try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .access), by: .subjectToken(token.token))
        let report = try Self.document(try await test.vault.completeRequest(request.id, handler: "staff-1").document, test)
        guard case .array(let templates)? = report["biometricTemplates"], case .object(let held)? = templates.first,
              case .object(let text)? = report["text"], case .string(let english)? = text["en"] else {
            Issue.record("the report has no biometric section")
            return
        }
        #expect(templates.count == 1 && held["modality"] == .string("face") && held["purpose"] == .string("venue-access") && held["heldSince"] != nil)
        #expect(held["template"] == nil && held["rawCaptureStored"] == .bool(false))
        #expect(english.contains("Biometric template (face) held since") && english.contains("venue-access"))
        #expect(!"\(report)".contains("0.9,"))
    }

    @Test("Art. 45: template values go out only in the subject's own portability export, when explicitly requested", arguments: TestEngine.available)
    func portabilityExport(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine)
        defer { Task { await test.finish() } }
        let subject = try await BiometricTests.enrol(test.vault).subjectID
        let token = try await test.vault.issueSubjectToken(subjectID: subject)
        let plain = try await test.vault.fileRequest(NewRightsRequest(subjectID: subject, kind: .portability), by: .subjectToken(token.token))
        let without = try Self.document(try await test.vault.completeRequest(plain.id, handler: "staff-1").document, test)
        #expect(without["biometricTemplates"] == nil)
        var asking = NewRightsRequest(subjectID: subject, kind: .portability)
        asking.includeBiometricTemplates = true
        let explicit = try await test.vault.fileRequest(asking, by: .subjectToken(token.token))
        let with = try Self.document(try await test.vault.completeRequest(explicit.id, handler: "staff-1").document, test)
        guard case .array(let templates)? = with["biometricTemplates"], case .object(let first)? = templates.first, case .array(let values)? = first["template"] else {
            Issue.record("the export has no templates")
            return
        }
        #expect(values == BiometricTests.face.map(JSONValue.number) && first["modality"] == .string("face"))
        var onAccess = NewRightsRequest(subjectID: subject, kind: .access)
        onAccess.includeBiometricTemplates = true
        let error = try await #require(throws: VaultError.self) { _ = try await test.vault.fileRequest(onAccess, by: .subjectToken(token.token)) }
        #expect(error.code == .invalidInput && error.article == "PIPL Art. 45")
        // Art. 49: a relative of a deceased subject may have a copy, never the templates.
        try await test.vault.recordDeath(subjectID: subject, reference: "death-cert-2022-118", relativesExcluded: false)
        var relative = NewRightsRequest(subjectID: subject, kind: .copy, requester: .relative, relativeReference: "kinship-proof-2022-031")
        relative.includeBiometricTemplates = true
        let refused = try await #require(throws: VaultError.self) { _ = try await test.vault.fileRequest(relative, by: .staff("staff-1")) }
        #expect(refused.code == .denied && refused.article == "PIPL Art. 28, 49")
    }

    @Test("Face-recognition measures Art. 15, PIPL Art. 28: status and the processing report flag a filing once enough people's templates are held", arguments: TestEngine.available)
    func filingFlag(engine: TestEngine) async throws {
        let test = try await BiometricTests.make(engine, filingThreshold: 2)
        defer { Task { await test.finish() } }
        let first = try await BiometricTests.enrol(test.vault).subjectID
        _ = try await BiometricTests.enrol(test.vault, subject: first)
        var status = try await test.vault.status()
        #expect(status.biometricFiling == BiometricFiling(subjects: 1, threshold: 2))
        #expect(status.biometricFiling?.filingDue == false)
        _ = try await BiometricTests.enrol(test.vault)
        status = try await test.vault.status()
        #expect(status.biometricFiling?.filingDue == true && status.biometricFiling?.subjects == 2)
        let report = try await test.vault.processingReport()
        #expect(report.biometrics?.filingDue == true)
        #expect(report.markdown.contains("A filing with the authority is due"))
        _ = try await test.vault.erase(first)
        #expect(try await test.vault.biometricFiling().filingDue == false)
    }
}
