/// Settings of the HTTP server, with defaults that suit a workstation.
public struct ServerConfiguration: Sendable {
    /// Host or address to bind (default `127.0.0.1`: not reachable from other machines).
    public var host: String
    /// TCP port (default 8080; 0 picks a free one).
    public var port: Int
    /// Largest request body accepted, in bytes (default 1 MiB); larger → 413.
    public var maxBodySize: Int
    /// Deepest JSON nesting accepted (default 32); deeper → 400.
    public var maxJSONDepth: Int
    /// The per-token rate limit.
    public var rateLimit: RateLimit
    /// How long in-flight requests may take to finish after SIGTERM/SIGINT, in seconds.
    public var shutdownGracePeriod: Double
    /// How long an authenticated token is trusted before it is looked up again, in seconds.
    /// Revocation from another process takes effect within this time.
    public var tokenCacheSeconds: Double
    /// How often a new signed transparency-log checkpoint is published when the tree grew, in seconds (default 1).
    public var checkpointInterval: Double = 1

    /// A token-bucket limit: `requestsPerSecond` sustained, `burst` at once.
    public struct RateLimit: Sendable, Hashable {
        /// Sustained requests per second per token; 0 turns the limit off.
        public var requestsPerSecond: Double
        /// Requests a token may make at once before being slowed.
        public var burst: Double

        /// Creates a limit.
        public init(requestsPerSecond: Double, burst: Double) {
            self.requestsPerSecond = requestsPerSecond
            self.burst = burst
        }

        /// No limit.
        public static let unlimited = RateLimit(requestsPerSecond: 0, burst: 0)
        /// Whether the limit applies.
        public var isEnabled: Bool { requestsPerSecond > 0 }
    }

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = 1 << 20, maxJSONDepth: Int = 32,
        rateLimit: RateLimit = RateLimit(requestsPerSecond: 1000, burst: 2000),
        shutdownGracePeriod: Double = 10, tokenCacheSeconds: Double = 1
    ) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.maxJSONDepth = maxJSONDepth
        self.rateLimit = rateLimit
        self.shutdownGracePeriod = shutdownGracePeriod
        self.tokenCacheSeconds = tokenCacheSeconds
    }
}
