import Foundation
import Hummingbird
import PIVault
import PIVaultCore

/// `POST /v1/subjects/{subject}/biometric-match` (PIPL Art. 26, 29): 1:1
/// verification inside the vault; the answer is only yes/no and a score.
struct BiometricRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON
    let access: VaultRoutes

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.post("subjects/:subject/biometric-match", use: match)
        group.post("biometric-identify", use: identify)
    }

    @Sendable func identify(_ request: Request, context: VaultRequestContext) async throws -> BiometricIdentification {
        let principal = try context.requirePrincipal()
        let body = try await json.decode(BiometricIdentifyBody.self, from: request)
        try access.requirePurpose(body.purpose, principal)
        return try await vault.identifyBiometric(BiometricIdentifyRequest(actor: principal.actor, purpose: body.purpose, template: body.template, limit: body.limit ?? 5))
    }

    @Sendable func match(_ request: Request, context: VaultRequestContext) async throws -> BiometricMatchResult {
        let principal = try context.requirePrincipal()
        let subject = try VaultRoutes.pathParameter("subject", context)
        let body = try await json.decode(BiometricMatchBody.self, from: request)
        try access.requirePurpose(body.purpose, principal)
        return try await vault.matchBiometric(BiometricMatchRequest(actor: principal.actor, subjectID: subject, purpose: body.purpose, template: body.template))
    }
}

/// `POST /v1/subjects/{subject}/biometric-match`.
struct BiometricMatchBody: StrictDecodable {
    static let members: Set<String> = ["purpose", "template"]
    var purpose: String
    var template: JSONValue
}

extension BiometricMatchResult: ResponseEncodable {}

/// `POST /v1/biometric-identify`.
struct BiometricIdentifyBody: StrictDecodable {
    static let members: Set<String> = ["purpose", "template", "limit"]
    var purpose: String
    var template: JSONValue
    var limit: Int?
}

extension BiometricIdentification: ResponseEncodable {}
