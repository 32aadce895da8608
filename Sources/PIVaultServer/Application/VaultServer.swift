import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PIVault
import PIVaultCore
import ServiceLifecycle

/// The vault's HTTP API: builds the router and the application that
/// `pivault serve`, the tests and the benchmark all run.
public enum VaultServer {
    /// What the router is built from.
    public struct Dependencies: Sendable {
        /// The open vault.
        public var vault: Vault
        /// Server settings.
        public var configuration: ServerConfiguration
        /// Where rotated keys come from.
        public var keyRotation: KeyRotation
        /// Metrics `/metrics` renders.
        public var metrics: ServerMetrics
        /// Readiness state.
        public var readiness: Readiness
        /// The clock token expiry and emergencies are judged by.
        public var clock: any VaultClock
        /// Monotonic seconds for the rate limiter.
        public var monotonicSeconds: @Sendable () -> Double

        /// Creates the dependencies.
        public init(vault: Vault, configuration: ServerConfiguration = ServerConfiguration(), keyRotation: KeyRotation = KeyRotation(source: nil),
                    metrics: ServerMetrics = ServerMetrics(), readiness: Readiness = Readiness(), clock: any VaultClock = SystemClock(),
                    monotonicSeconds: @escaping @Sendable () -> Double = RateLimiter.monotonicSeconds) {
            self.vault = vault
            self.configuration = configuration
            self.keyRotation = keyRotation
            self.metrics = metrics
            self.readiness = readiness
            self.clock = clock
            self.monotonicSeconds = monotonicSeconds
        }
    }

    /// Builds the router with every endpoint and middleware, and fills `routes`.
    public static func buildRouter(_ dependencies: Dependencies, routes: RouteTable = RouteTable()) -> Router<VaultRequestContext> {
        let vault = dependencies.vault
        let settings = dependencies.configuration
        let router = Router(context: VaultRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: dependencies.metrics, routes: routes, maxBodySize: settings.maxBodySize))

        router.get("healthz") { _, _ in HealthResponse(status: "ok", checks: nil) }
        router.get("readyz") { _, _ -> EditedResponse<HealthResponse> in
            let checks = await dependencies.readiness.check(vault)
            let ready = checks.values.allSatisfy { $0 == "ok" }
            let filing = try? await vault.biometricFiling()
            return EditedResponse(status: ready ? .ok : .serviceUnavailable, response: HealthResponse(status: ready ? "ready" : "not ready", checks: checks, biometricFiling: filing))
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: .init(string: dependencies.metrics.render())))
        }
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: .init(string: OpenAPIDocument.yaml)))
        }

        LogRoutes(vault: vault).add(to: router)
        NoticeRoutes(vault: vault).add(to: router)

        let tokens = APITokens(store: vault.store, configuration: vault.configuration, clock: dependencies.clock)
        let authenticator = TokenAuthenticator(tokens: tokens, cacheSeconds: settings.tokenCacheSeconds, alerts: vault.alerts)
        let limiter = RateLimiter(limit: settings.rateLimit, seconds: dependencies.monotonicSeconds)
        let v1 = router.group("v1").add(middleware: AuthenticationMiddleware(authenticator: authenticator, limiter: limiter))
        let json = StrictJSON(maxBodySize: settings.maxBodySize, maxDepth: settings.maxJSONDepth)
        let vaultRoutes = VaultRoutes(vault: vault, json: json, metrics: dependencies.metrics, keys: dependencies.keyRotation, clock: dependencies.clock)
        vaultRoutes.add(to: v1)
        HealthCodeRoutes(vault: vault, json: json, access: vaultRoutes).add(to: v1)
        SharingRoutes(vault: vault, json: json, access: vaultRoutes).add(to: v1)
        BiometricRoutes(vault: vault, json: json, access: vaultRoutes).add(to: v1)
        IncidentRoutes(vault: vault, json: json).add(to: v1)
        AnomalyRoutes(vault: vault, metrics: dependencies.metrics).add(to: v1)
        ReportRoutes(vault: vault).add(to: v1)
        AssessmentRoutes(vault: vault, json: json).add(to: v1)
        DeidentifyRoutes(json: json).add(to: v1)
        RightsRoutes(vault: vault, json: json).add(to: router.group("v1/requests")
            .add(middleware: RightsAuthenticationMiddleware(staff: AuthenticationMiddleware(authenticator: authenticator, limiter: limiter))))

        routes.set(router.routes.map { RouteTable.Route(method: $0.method.rawValue, path: "/" + $0.path.description.split(separator: "/").joined(separator: "/")) })
        return router
    }

    /// Builds the application: the router, the vault as a service (closed on
    /// shutdown after in-flight requests finish), bound to the configured address.
    public static func buildApplication(
        _ dependencies: Dependencies, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = buildRouter(dependencies)
        let settings = dependencies.configuration
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil),
            services: [VaultService(vault: dependencies.vault, readiness: dependencies.readiness, logger: logger),
                       PeriodicService.checkpoints(vault: dependencies.vault, interval: .milliseconds(Int64((max(0.001, settings.checkpointInterval) * 1000).rounded())), logger: logger),
                       PeriodicService.retention(vault: dependencies.vault, interval: .seconds(300), logger: logger),
                       PeriodicService.suspensions(vault: dependencies.vault, interval: .seconds(5), logger: logger)],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }
}
