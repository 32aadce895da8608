import Synchronization

/// The registered routes as method and path template, for telling 405 from
/// 404 and for checking the OpenAPI document against the router.
public final class RouteTable: Sendable {
    /// One route: `GET /v1/subjects/{subject}`, with `{name}` captures.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        /// The method.
        public var method: String
        /// The path template, e.g. `/v1/subjects/{subject}`.
        public var path: String
        /// `METHOD path`.
        public var description: String { "\(method) \(path)" }
    }

    private let storage = Mutex<[Route]>([])

    /// Creates an empty table.
    public init() {}

    /// Every route.
    public var routes: [Route] { storage.withLock { $0 } }

    func set(_ routes: [Route]) { storage.withLock { $0 = routes } }

    /// Whether any route's template matches `path`, whatever the method.
    func matchesPath(_ path: String) -> Bool { !methods(forPath: path).isEmpty }

    /// The methods registered for templates matching `path`.
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return Array(Set(routes.filter { route in
            let template = route.path.split(separator: "/", omittingEmptySubsequences: true)
            guard template.count == segments.count else { return false }
            return zip(template, segments).allSatisfy { $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method))).sorted()
    }
}
