import HTTPTypes

extension Problem {
    /// 400: the body is not JSON, or not the JSON this endpoint takes.
    public static func malformed(_ detail: String, field: String? = nil) -> Problem {
        Problem(.badRequest, kind: "malformed-request", title: "The request body is malformed", detail: detail, field: field, article: "RFC 8259")
    }

    /// 400: a member this endpoint does not take.
    public static func unknownField(_ field: String, allowed: [String]) -> Problem {
        Problem(.badRequest, kind: "unknown-field", title: "The request has a member this endpoint does not take",
                detail: "member '\(field)' is not part of this request; allowed members: \(allowed.sorted().joined(separator: ", "))", field: field)
    }

    /// 400: a query or path parameter is invalid.
    public static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.badRequest, kind: "invalid-parameter", title: "A parameter is invalid", detail: detail, field: name)
    }

    /// 401: no token, or one that is not valid (RFC 6750 §3).
    public static func unauthenticated(_ detail: String, invalidToken: Bool) -> Problem {
        let challenge = invalidToken
            ? "Bearer realm=\"pivault\", error=\"invalid_token\", error_description=\"the token is unknown, expired or revoked\""
            : "Bearer realm=\"pivault\""
        return Problem(.unauthorized, kind: "unauthenticated", title: "Authentication is required", detail: detail,
                       article: "RFC 6750 §3", headers: [.wwwAuthenticate: challenge])
    }

    /// 403: the token is valid but its role may not do this.
    public static func forbidden(_ detail: String, article: String = "PIPL Art. 51") -> Problem {
        Problem(.forbidden, kind: "forbidden", title: "The token's role may not do this", detail: detail, article: article)
    }

    /// 404: no such route.
    public static func routeNotFound(_ path: String) -> Problem {
        Problem(.notFound, kind: "route-not-found", title: "No such endpoint",
                detail: "no endpoint matches this path; the API is described at /openapi.yaml")
    }

    /// 405: the route exists but not with this method.
    public static func methodNotAllowed() -> Problem {
        Problem(.methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
                detail: "this endpoint does not take this method; see /openapi.yaml")
    }

    /// 413: the body exceeds the limit.
    public static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, kind: "body-too-large", title: "The request body is too large",
                detail: "request bodies are limited to \(limit) bytes; send less, or raise --max-body-size", article: "RFC 9110 §15.5.14")
    }

    /// 415: the body is not JSON.
    public static func unsupportedMediaType() -> Problem {
        Problem(.unsupportedMediaType, kind: "unsupported-media-type", title: "The request body must be JSON",
                detail: "send the body as application/json", article: "RFC 9110 §15.5.16")
    }

    /// 429: the token's rate limit is exhausted.
    public static func rateLimited(retryAfter seconds: Int) -> Problem {
        Problem(.tooManyRequests, kind: "rate-limited", title: "Too many requests",
                detail: "this token has used its request budget; retry after \(seconds) second(s)",
                article: "RFC 6585 §4", headers: [.retryAfter: String(seconds)])
    }

    /// 500: something failed that the client cannot fix; details are only in the server log.
    public static func internalError() -> Problem {
        Problem(.internalServerError, kind: "internal-error", title: "Internal error",
                detail: "the server failed to handle this request; the server log has the details under this request id")
    }

    /// 503: the vault is shutting down or its database is unavailable.
    public static func unavailable(_ detail: String, retryAfter: Int = 1) -> Problem {
        Problem(.serviceUnavailable, kind: "unavailable", title: "The vault is unavailable", detail: detail,
                headers: [.retryAfter: String(retryAfter)])
    }
}
