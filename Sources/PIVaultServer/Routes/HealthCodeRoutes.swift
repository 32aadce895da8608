import Foundation
import HTTPTypes
import HealthCode
import Hummingbird
import PIVault
import PIVaultCore

/// The `/v1/healthcodes` endpoints: issue a code (policy-checked like a
/// read), fetch its QR PNG, revoke it, and publish the trust list and the
/// revocation list verifiers need offline. No response names a person.
struct HealthCodeRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON
    let access: VaultRoutes

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.post("healthcodes", use: issue)
        group.get("healthcodes/revocations", use: revocations)
        group.get("healthcodes/trust-list", use: trustList)
        group.get("healthcodes/{code}.png", use: png)
        group.post("healthcodes/:code/revoke", use: revoke)
    }

    /// `POST /v1/healthcodes`: the role must be granted the purpose; the vault's
    /// policy then checks the basis, and a status change needs an emergency purpose.
    @Sendable func issue(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<HealthCodeResponse> {
        let principal = try context.requirePrincipal()
        let body = try await json.decode(HealthCodeBody.self, from: request)
        try access.requirePurpose(body.purpose, principal)
        let status = try HealthCodeRequest.status(parsing: body.status)
        let validFor = try body.validFor.map(HealthCodeRequest.duration(parsing:)) ?? HealthCodeRequest.defaultValidity
        let code = try await vault.issueHealthCode(HealthCodeRequest(actor: principal.actor, subjectID: body.subject, purpose: body.purpose,
                                                                      status: status, validFor: validFor))
        return EditedResponse(status: .created, response: HealthCodeResponse(code))
    }

    /// `GET /v1/healthcodes/{code}.png`: for roles granted the purpose the code was issued under.
    @Sendable func png(_ request: Request, context: VaultRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("code")
        let code = try await vault.healthCode(id)
        try access.requirePurpose(code.purpose, principal)
        let qr = try await vault.healthCodeQR(code.codeID)
        let bytes = try qr.png(moduleSize: 4)
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-store"],
                        body: .init(byteBuffer: .init(bytes: bytes)))
    }

    /// `POST /v1/healthcodes/{code}/revoke`: administrators only.
    @Sendable func revoke(_ request: Request, context: VaultRequestContext) async throws -> RevocationResponse {
        try access.requireAdministrator(context, to: "revoke a health code")
        let id = try context.parameters.require("code")
        try await vault.revokeHealthCode(id)
        return RevocationResponse(code: id.lowercased(), revoked: true)
    }

    /// `GET /v1/healthcodes/revocations`: hashes only, for offline verifiers.
    @Sendable func revocations(_ request: Request, context: VaultRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let list = try await vault.healthCodeRevocationList()
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: .init(string: list.textEncoded())))
    }

    /// `GET /v1/healthcodes/trust-list`: the issuer certificates, PEM.
    @Sendable func trustList(_ request: Request, context: VaultRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let list = try await vault.healthCodeTrustList()
        return Response(status: .ok, headers: [.contentType: "application/x-pem-file"], body: .init(byteBuffer: .init(string: list.pemEncoded())))
    }
}

/// `POST /v1/healthcodes`.
struct HealthCodeBody: StrictDecodable {
    static let members: Set<String> = ["subject", "status", "purpose", "validFor"]
    var subject: String
    var status: String
    var purpose: String
    var validFor: String?
}

/// An issued code: no subject id, no personal value.
struct HealthCodeResponse: ResponseEncodable, Sendable {
    var code: String
    var status: String
    var validFrom: Date
    var validUntil: Date
    var issuer: String
    var hc1: String

    init(_ code: VaultHealthCode) {
        self.code = code.codeID
        status = code.status
        validFrom = code.validFrom
        validUntil = code.validUntil
        issuer = code.issuer
        hc1 = code.text
    }
}

/// A revocation's outcome.
struct RevocationResponse: ResponseEncodable, Sendable {
    var code: String
    var revoked: Bool
}
