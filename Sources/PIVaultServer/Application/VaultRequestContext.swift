import Hummingbird
import Logging
import Synchronization

/// What one request carries through the router: the core context and, once
/// authenticated, the principal it acts for.
public struct VaultRequestContext: RequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated principal, set by the authentication middleware on `/v1`.
    public var principal: Principal?
    /// Facts inner middleware learns that the outer request log needs.
    public let observed: ObservedRequest

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.observed = ObservedRequest()
    }

    /// The principal, or a 401 problem when the route was reached without one.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthenticated("send Authorization: Bearer <token>", invalidToken: false) }
        return principal
    }
}

/// Per-request facts set by inner middleware and read by the request log:
/// the actor (a token id) and the problem kind. Never personal values.
public final class ObservedRequest: Sendable {
    private let state = Mutex<(actor: String?, problem: String?)>((nil, nil))

    /// The token id the request acted as.
    public var actor: String? {
        get { state.withLock { $0.actor } }
        set { state.withLock { $0.actor = newValue } }
    }

    /// The problem kind returned, if any.
    public var problem: String? {
        get { state.withLock { $0.problem } }
        set { state.withLock { $0.problem = newValue } }
    }
}
