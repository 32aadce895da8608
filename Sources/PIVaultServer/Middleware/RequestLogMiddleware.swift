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
        var metadata: Logger.Metadata = [
            "route": "\(route)", "method": "\(request.method.rawValue)", "status": "\(status)",
            "duration_ms": "\(String(format: "%.3f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000))",
            "actor": "\(context.observed.actor ?? "-")",
        ]
        if let problem = context.observed.problem { metadata["problem"] = "\(problem)" }
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
        return response
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
