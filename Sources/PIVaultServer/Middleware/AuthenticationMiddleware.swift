import Foundation
import PIVaultCore
import PIVaultStore
import Hummingbird
import HTTPTypes

/// Authenticates `/v1` requests by bearer token (RFC 6750 §2.1) and applies
/// the per-token rate limit. No or bad token → 401 with a `WWW-Authenticate`
/// challenge; a token whose role the configuration no longer declares → 403;
/// an exhausted budget → 429 with `Retry-After`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext

    let authenticator: TokenAuthenticator
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthenticated("this endpoint needs a token: send Authorization: Bearer <token> (create one with `pivault token create`)", invalidToken: false)
        }
        guard let token = BearerCredentials.token(in: header) else {
            throw Problem.unauthenticated("the Authorization header must use the Bearer scheme: Authorization: Bearer <token>", invalidToken: false)
        }
        let secret = TokenSecret(token)
        switch try await authenticator.authenticate(secret) {
        case .unknown:
            throw Problem.unauthenticated("the token is unknown, expired or revoked; create a new one with `pivault token create`", invalidToken: true)
        case .roleMissing(let role):
            throw Problem.forbidden("the token acts in role '\(role)', which the configuration no longer declares; create a token for a declared role")
        case .suspended(let suspension):
            context.observed.actor = suspension.actor
            throw Problem.forbidden("the token is suspended since \(ISODate.formatDateTime(suspension.suspendedAt)) by anomaly rule '\(suspension.ruleID)' (\(suspension.reason)); an administrator can lift it with `pivault anomaly lift \(suspension.actor)` or DELETE /v1/anomaly/suspensions/\(suspension.actor)")
        case .authenticated(let principal):
            context.observed.actor = principal.tokenID
            if let wait = limiter.take(principal.tokenID) {
                throw Problem.rateLimited(retryAfter: wait)
            }
            var context = context
            context.principal = principal
            return try await next(request, context)
        }
    }
}
