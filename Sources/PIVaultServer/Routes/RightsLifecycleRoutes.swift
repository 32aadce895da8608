import Foundation
import Hummingbird
import PIVault
import PIVaultCore

/// The staff steps of a rights request (PIPL Art. 50):
/// `POST /v1/requests/{id}/verify` (received → verifying),
/// `/accept` (verifying → in_progress), `/complete` (fulfil, signed receipt)
/// and `/refuse` (reason and rule, signed receipt).
///
/// A subject token never takes these steps. Verifying and accepting need a
/// role that may process personal information; completing and refusing
/// disclose, change or delete everything held about the subject across
/// purposes, so they need an administrator role. A step out of order is a
/// 409 problem naming the request's status.
struct RightsLifecycleRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.post(":request/verify", use: verify)
        group.post(":request/accept", use: accept)
        group.post(":request/complete", use: complete)
        group.post(":request/refuse", use: refuse)
    }

    @Sendable func verify(_ request: Request, context: VaultRequestContext) async throws -> RightsRequestResponse {
        let handler = try Self.staff(request, context, administrator: false, step: "start verifying a request")
        let note = try await json.decodeOptional(RequestStepBody.self, from: request)?.note
        return RightsRequestResponse(request: try await vault.startVerification(try context.parameters.require("request"), handler: handler, note: note))
    }

    @Sendable func accept(_ request: Request, context: VaultRequestContext) async throws -> RightsRequestResponse {
        let handler = try Self.staff(request, context, administrator: false, step: "confirm a requester's identity")
        let note = try await json.decodeOptional(RequestStepBody.self, from: request)?.note
        return RightsRequestResponse(request: try await vault.confirmVerification(try context.parameters.require("request"), handler: handler, note: note))
    }

    @Sendable func complete(_ request: Request, context: VaultRequestContext) async throws -> RequestOutcomeResponse {
        let handler = try Self.staff(request, context, administrator: true, step: "complete a request")
        if try await json.decodeOptional(RequestStepBody.self, from: request)?.note != nil {
            throw Problem.malformed("completing takes no body; the request already says what to do", field: "note")
        }
        return RequestOutcomeResponse(try await vault.completeRequest(try context.parameters.require("request"), handler: handler))
    }

    @Sendable func refuse(_ request: Request, context: VaultRequestContext) async throws -> RequestOutcomeResponse {
        let handler = try Self.staff(request, context, administrator: true, step: "refuse a request")
        let body = try await json.decode(RefusalBody.self, from: request)
        return RequestOutcomeResponse(try await vault.refuseRequest(try context.parameters.require("request"), handler: handler, reason: body.reason, article: body.article))
    }

    /// The staff member's token id, after checking that the bearer is staff whose role may take the step.
    static func staff(_ request: Request, _ context: VaultRequestContext, administrator: Bool, step: String) throws -> String {
        if SubjectBearer.token(in: request) != nil {
            throw Problem.forbidden("a subject token files and follows its own requests; only the handler's staff may \(step)", article: "PIPL Art. 50")
        }
        let principal = try context.requirePrincipal()
        if administrator {
            guard principal.role.administrator else {
                throw Problem.forbidden("only an administrator role may \(step): it discloses, changes or deletes everything held about the subject; role '\(principal.role.id)' is not one", article: "PIPL Art. 50, 51")
            }
        } else {
            guard principal.role.administrator || !principal.role.purposes.isEmpty else {
                throw Problem.forbidden("role '\(principal.role.id)' is granted no purpose, so it may not \(step)", article: "PIPL Art. 50, 51")
            }
        }
        return principal.tokenID
    }
}

/// `POST /v1/requests/{id}/verify` and `/accept`: an optional note without personal data.
struct RequestStepBody: StrictDecodable {
    static let members: Set<String> = ["note"]
    var note: String?
}

/// `POST /v1/requests/{id}/refuse`.
struct RefusalBody: StrictDecodable {
    static let members: Set<String> = ["reason", "article"]
    var reason: String
    var article: String
}

/// What completing or refusing produced: the request, the signed receipt and, where the right yields one, the signed document.
struct RequestOutcomeResponse: ResponseEncodable, Sendable {
    var request: RightsRequest
    var receipt: String
    var document: String?

    init(_ outcome: RequestOutcome) {
        request = outcome.request
        receipt = outcome.receipt
        document = outcome.document
    }
}
