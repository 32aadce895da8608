import Foundation
import HTTPTypes
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

/// The `/v1` endpoints: subjects, records, purpose-bound reads, consents,
/// emergencies, configuration and keys. Each handler checks what the
/// token's role may do before it calls the vault.
struct VaultRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON
    let metrics: ServerMetrics
    let keys: KeyRotation
    let clock: any VaultClock

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.get("me", use: me)
        group.get("configuration/standards") { _, context in
            _ = try context.requirePrincipal()
            return StandardList(vault.configuration)
        }
        group.get("configuration/purposes") { _, context in
            _ = try context.requirePrincipal()
            return PurposeList(vault.configuration)
        }
        group.get("configuration/categories") { _, context in
            _ = try context.requirePrincipal()
            return CategoryList(vault.configuration)
        }
        group.post("subjects", use: createSubject)
        group.post("subjects/search", use: searchSubjects)
        group.delete("subjects/:subject", use: eraseSubject)
        group.post("subjects/:subject/access", use: access)
        group.get("subjects/:subject/access-history", use: accessHistory)
        group.post("subjects/:subject/consents", use: grantConsent)
        group.delete("subjects/:subject/consents/:purpose", use: withdrawConsent)
        group.post("records", use: collect)
        group.get("emergencies", use: listEmergencies)
        group.post("emergencies", use: declareEmergency)
        group.post("emergencies/:emergency/end", use: endEmergency)
        group.get("keys", use: keyStatus)
        group.post("keys/rotate", use: rotateKeys)
    }

    // MARK: Who am I

    @Sendable func me(_ request: Request, context: VaultRequestContext) async throws -> PrincipalResponse {
        let principal = try context.requirePrincipal()
        return PrincipalResponse(token: principal.tokenID, name: principal.name, role: principal.role.id,
                                 purposes: principal.role.purposes, administrator: principal.role.administrator)
    }

    // MARK: Subjects

    @Sendable func createSubject(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<SubjectResponse> {
        let principal = try requireProcessingRole(context)
        _ = try await json.decodeOptional(EmptyBody.self, from: request)
        _ = principal
        return EditedResponse(status: .created, response: SubjectResponse(subject: try await vault.addSubject()))
    }

    @Sendable func searchSubjects(_ request: Request, context: VaultRequestContext) async throws -> SearchResponse {
        _ = try requireProcessingRole(context)
        let body = try await json.decode(SearchBody.self, from: request)
        guard let kind = Vault.LookupKind(rawValue: body.kind) else {
            throw Problem.malformed("member 'kind' must be one of \(Vault.LookupKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
        }
        return SearchResponse(subjects: try await vault.findSubjects(by: kind, value: body.value))
    }

    @Sendable func eraseSubject(_ request: Request, context: VaultRequestContext) async throws -> ErasureResponse {
        try requireAdministrator(context, to: "erase a subject")
        let subject = try Self.pathParameter("subject", context)
        return ErasureResponse(try await vault.erase(subject))
    }

    // MARK: Reads

    @Sendable func access(_ request: Request, context: VaultRequestContext) async throws -> AccessResponse {
        let principal = try context.requirePrincipal()
        let subject = try Self.pathParameter("subject", context)
        let body = try await json.decode(AccessBody.self, from: request)
        try requirePurpose(body.purpose, principal)
        let result = try await vault.read(AccessRequest(actor: principal.actor, subjectID: subject, purpose: body.purpose, fields: body.fields))
        metrics.recordDecision(outcome: result.decision.outcome.rawValue)
        return AccessResponse(subject: subject, purpose: body.purpose, result: result)
    }

    /// The subject's access history with proofs (PIPL Art. 44–45), for the subject or staff acting for them.
    @Sendable func accessHistory(_ request: Request, context: VaultRequestContext) async throws -> AccessHistory {
        _ = try requireProcessingRole(context)
        let subject = try context.parameters.require("subject")
        return try await vault.accessHistory(subject)
    }

    // MARK: Collection

    @Sendable func collect(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<ReceiptResponse> {
        let principal = try context.requirePrincipal()
        let body = try await json.decode(CollectBody.self, from: request)
        try requirePurpose(body.purpose, principal)
        let receipt = try await vault.collect(Submission(standard: body.standard, purpose: body.purpose, subjectID: body.subject,
                                                         values: body.values, consentGiven: body.consentGiven ?? false))
        metrics.recordCollection()
        return EditedResponse(status: .created, response: ReceiptResponse(receipt))
    }

    // MARK: Consents

    @Sendable func grantConsent(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<ConsentResponse> {
        let principal = try context.requirePrincipal()
        let subject = try Self.pathParameter("subject", context)
        let body = try await json.decode(ConsentBody.self, from: request)
        if !principal.role.administrator { try requirePurpose(body.purpose, principal) }
        let id = try await vault.grantConsent(subjectID: subject, purpose: body.purpose)
        return EditedResponse(status: .created, response: ConsentResponse(consent: id, subject: subject, purpose: body.purpose))
    }

    @Sendable func withdrawConsent(_ request: Request, context: VaultRequestContext) async throws -> WithdrawalResponse {
        let principal = try context.requirePrincipal()
        let subject = try Self.pathParameter("subject", context)
        let purpose = try Self.pathParameter("purpose", context)
        if !principal.role.administrator { try requirePurpose(purpose, principal) }
        let outcome = try await vault.withdrawConsent(subjectID: subject, purpose: purpose)
        return WithdrawalResponse(subject: subject, purpose: purpose, withdrawn: outcome.consentIDs.count,
                                  recordsDeleted: outcome.recordsDeleted, receipt: outcome.receipt, article: "PIPL Art. 15")
    }

    // MARK: Emergencies

    @Sendable func listEmergencies(_ request: Request, context: VaultRequestContext) async throws -> EmergencyList {
        _ = try context.requirePrincipal()
        let now = clock.now()
        return EmergencyList(emergencies: try await vault.emergencies().map { EmergencyResponse($0, now: now) })
    }

    @Sendable func declareEmergency(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<EmergencyResponse> {
        try requireAdministrator(context, to: "declare an emergency")
        let body = try await json.decode(EmergencyBody.self, from: request)
        var endsAt: Date?
        if let text = body.endsAt {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw Problem.malformed("member 'endsAt' must be an RFC 3339 date-time such as 2022-05-01T00:00:00Z", field: "endsAt")
            }
            endsAt = date
        }
        let row = try await vault.declareEmergency(name: body.name, legalReference: body.legalReference, purposes: body.purposes, region: body.region, endsAt: endsAt)
        return EditedResponse(status: .created, response: EmergencyResponse(row, now: clock.now()))
    }

    @Sendable func endEmergency(_ request: Request, context: VaultRequestContext) async throws -> EmergencyResponse {
        try requireAdministrator(context, to: "end an emergency")
        let id = try Self.pathParameter("emergency", context)
        try await vault.endEmergency(id)
        guard let row = try await vault.emergencies().first(where: { $0.id == id }) else {
            throw VaultError(.notFound, "emergency \(id) does not exist")
        }
        return EmergencyResponse(row, now: clock.now())
    }

    // MARK: Keys

    @Sendable func keyStatus(_ request: Request, context: VaultRequestContext) async throws -> KeyStatusResponse {
        try requireAdministrator(context, to: "see key status")
        return KeyStatusResponse(status: try await vault.status())
    }

    @Sendable func rotateKeys(_ request: Request, context: VaultRequestContext) async throws -> RotationResponse {
        try requireAdministrator(context, to: "rotate master keys")
        let body = try await json.decodeOptional(RotateBody.self, from: request)
        let report = try await keys.rotate(vault, to: body?.to)
        return RotationResponse(activeVersion: report.activeVersion, rewrapped: report.rewrapped)
    }

    /// A path parameter, percent-decoded (RFC 3986 §2.1).
    static func pathParameter(_ name: String, _ context: VaultRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        // Ids are plain ASCII; Foundation's decoding (1–2 µs a read) is needed only for an escape.
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        return raw.removingPercentEncoding ?? raw
    }

    // MARK: Authorization

    func requirePurpose(_ purpose: String, _ principal: Principal) throws {
        guard principal.may(use: purpose) else {
            // The anomaly rules count this denial too (PIPL Art. 51), without holding up the answer.
            let vault = self.vault
            Task { await vault.observeDenial(principal.actor) }
            throw Problem.forbidden("role '\(principal.role.id)' is not granted purpose '\(purpose)'; the configuration grants it: \(principal.role.purposes.isEmpty ? "none" : principal.role.purposes.joined(separator: ", "))")
        }
    }

    func requireProcessingRole(_ context: VaultRequestContext) throws -> Principal {
        let principal = try context.requirePrincipal()
        guard principal.role.administrator || !principal.role.purposes.isEmpty else {
            throw Problem.forbidden("role '\(principal.role.id)' is granted no purpose, so it may not process personal information")
        }
        return principal
    }

    func requireAdministrator(_ context: VaultRequestContext, to action: String) throws {
        let principal = try context.requirePrincipal()
        guard principal.role.administrator else {
            throw Problem.forbidden("only an administrator role may \(action); role '\(principal.role.id)' is not one")
        }
    }
}
