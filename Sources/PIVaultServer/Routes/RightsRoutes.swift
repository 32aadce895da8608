import Foundation
import HTTPTypes
import Hummingbird
import PIVault
import PIVaultCore

/// `/v1/requests`: rights requests (PIPL Art. 44–50). A subject acts with the
/// token the handler issued them (`pvs_…`, `pivault subject token`) and reaches
/// only their own requests; staff act with an API token and see the queue.
struct RightsRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.post("", use: create)
        group.get("", use: list)
        group.get(":request", use: show)
        RightsLifecycleRoutes(vault: vault, json: json).add(to: group)
    }

    @Sendable func create(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<RightsRequestResponse> {
        let authority = try Self.authority(request, context)
        let body = try await json.decode(RightsRequestBody.self, from: request)
        guard let kind = RightsRequest.Kind(rawValue: body.type) else {
            throw Problem.malformed("member 'type' must be one of \(RightsRequest.Kind.allCases.map(\.rawValue).joined(separator: ", "))", field: "type")
        }
        var requester = RightsRequest.Requester.subject
        if let text = body.requester {
            guard let parsed = RightsRequest.Requester(rawValue: text) else { throw Problem.malformed("member 'requester' must be 'subject' or 'relative'", field: "requester") }
            requester = parsed
        }
        var new = NewRightsRequest(subjectID: body.subject, kind: kind, requester: requester, relativeReference: body.relativeReference,
                                   purpose: body.purpose, recordID: body.record, corrections: body.values ?? [:],
                                   recipient: body.recipient, dueDays: body.dueDays)
        new.includeBiometricTemplates = body.includeBiometricTemplates ?? false
        let filed = try await vault.fileRequest(new, by: authority)
        return EditedResponse(status: .created, response: RightsRequestResponse(request: filed))
    }

    @Sendable func show(_ request: Request, context: VaultRequestContext) async throws -> RightsRequestResponse {
        let authority = try Self.authority(request, context)
        return RightsRequestResponse(request: try await vault.request(try context.parameters.require("request"), by: authority))
    }

    @Sendable func list(_ request: Request, context: VaultRequestContext) async throws -> RightsRequestList {
        let authority = try Self.authority(request, context)
        var status: RightsRequest.Status?
        if let text = request.uri.queryParameters.get("status") {
            guard let parsed = RightsRequest.Status(rawValue: text) else {
                throw Problem.invalidParameter("status", "must be one of \(RightsRequest.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = parsed
        }
        var overdue = false
        if let text = request.uri.queryParameters.get("overdue") {
            guard text == "true" || text == "false" else { throw Problem.invalidParameter("overdue", "must be true or false") }
            overdue = text == "true"
        }
        let subject = request.uri.queryParameters.get("subject")
        return RightsRequestList(requests: try await vault.requests(status: status, overdue: overdue, subjectID: subject, by: authority))
    }

    /// A subject token when the bearer is one, else the staff principal the API token authenticated.
    static func authority(_ request: Request, _ context: VaultRequestContext) throws -> RequestAuthority {
        if let token = SubjectBearer.token(in: request) { return .subjectToken(token) }
        return .staff(try context.requirePrincipal().tokenID)
    }
}

/// Reads a subject token (`pvs_…`) from the Authorization header.
enum SubjectBearer {
    static func token(in request: Request) -> String? {
        guard let header = request.headers[.authorization], let token = BearerCredentials.token(in: header) else { return nil }
        return token.hasPrefix("pvs_") ? token : nil
    }
}

/// Lets subject tokens through to the rights routes (the vault checks them),
/// and authenticates every other bearer as a staff API token.
struct RightsAuthenticationMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext

    let staff: AuthenticationMiddleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if SubjectBearer.token(in: request) != nil {
            context.observed.actor = "subject-token"
            return try await next(request, context)
        }
        return try await staff.handle(request, context: context, next: next)
    }
}

/// `POST /v1/requests`.
struct RightsRequestBody: StrictDecodable {
    static let members: Set<String> = ["subject", "type", "requester", "relativeReference", "purpose", "record", "values", "recipient", "dueDays", "includeBiometricTemplates"]
    var subject: String
    var type: String
    var requester: String?
    var relativeReference: String?
    var purpose: String?
    var record: String?
    var values: [String: JSONValue]?
    var recipient: String?
    var dueDays: Int?
    var includeBiometricTemplates: Bool?
}

/// One request, encoded flat.
struct RightsRequestResponse: ResponseEncodable, Sendable {
    var request: RightsRequest
    func encode(to encoder: any Encoder) throws { try request.encode(to: encoder) }
}

/// `GET /v1/requests`.
struct RightsRequestList: ResponseEncodable, Sendable {
    var requests: [RightsRequest]
}
