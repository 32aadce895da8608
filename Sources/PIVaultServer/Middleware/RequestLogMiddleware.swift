import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PIVaultCore
import PIVaultStore

/// The outermost middleware: turns every error into a problem response,
/// then writes one structured log line and the metrics for the request.
///
/// The log line has the request id, actor (token id), route template,
/// method, status, problem kind and duration — never the raw path or query
/// (they may carry ids or values), a header, a body or an error message.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext

    let metrics: ServerMetrics
    let routes: RouteTable
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = self.problem(for: error, request: request, context: context)
            context.observed.problem = problem.kind
            response = problem.response(requestID: context.id)
        }
        let duration = ContinuousClock.now - start
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        let status = response.status.code
        response.headers[.init("X-Request-Id")!] = context.id
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, duration: duration)
        let level: Logger.Level = status >= 500 ? .error : .info
        guard context.logger.logLevel <= level else { return response }
        var metadata: Logger.Metadata = [
            "route": .string(route), "method": .string(request.method.rawValue), "status": .string(String(status)),
            "duration_ms": .string(Self.milliseconds(duration)), "actor": .string(context.observed.actor ?? "-"),
        ]
        if let problem = context.observed.problem { metadata["problem"] = .string(problem) }
        context.logger.log(level: level, "request", metadata: metadata)
        return response
    }

    /// `duration` in milliseconds with three decimals, rounded as `%.3f` rounds; formatting through
    /// Foundation cost 2% of a trivial request's CPU.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000
        let fraction = microseconds % 1000
        return "\(microseconds / 1000)." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + String(fraction)
    }

    func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as VaultError:
            let problem = Problem(error)
            if problem.status == .internalServerError {
                context.logger.error("vault error", metadata: ["code": "\(error.code)"])
            }
            return problem
        case let error as StoreError:
            context.logger.error("storage error", metadata: ["code": "\(error.code)"])
            return Problem(error)
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound:
                if routes.matchesPath(request.uri.path) {
                    var problem = Problem.methodNotAllowed()
                    problem.headers[.allow] = routes.methods(forPath: request.uri.path).joined(separator: ", ")
                    return problem
                }
                return Problem.routeNotFound(request.uri.path)
            case .contentTooLarge:
                return Problem.tooLarge(limit: maxBodySize)
            case .methodNotAllowed:
                return Problem.methodNotAllowed()
            default:
                if error.status.code >= 500 {
                    context.logger.error("internal error", metadata: ["status": "\(error.status.code)"])
                    return Problem.internalError()
                }
                return Problem(error.status, kind: "http-\(error.status.code)", title: error.status.reasonPhrase,
                               detail: "the request was refused with status \(error.status.code); see /openapi.yaml")
            }
        default:
            // The error's description is not logged: it may quote a database message with bound values.
            context.logger.error("internal error", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return Problem.internalError()
        }
    }
}
