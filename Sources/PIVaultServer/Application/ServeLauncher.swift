import Foundation
import Hummingbird
import Logging
import PIVault
import PIVaultCore
import PIVaultStore
import ServiceLifecycle
import UnixSignals

/// Runs `pivault serve`: writes the demo configuration when none exists,
/// opens the vault, prints a first admin token once, serves until SIGTERM or
/// SIGINT, then stops accepting, lets in-flight requests finish (bounded by
/// ``ServerConfiguration/shutdownGracePeriod``) and closes the database.
public struct ServeLauncher: Sendable {
    /// Where the vault's configuration, data and keys are.
    public var vault: VaultLauncher
    /// Server settings.
    public var server: ServerConfiguration

    /// Creates a launcher.
    public init(vault: VaultLauncher, server: ServerConfiguration) {
        self.vault = vault
        self.server = server
    }

    /// Serves until a shutdown signal. `say` prints to the operator (stdout);
    /// `warn` to stderr. Neither receives personal data; `say` receives the
    /// first admin token once.
    public func run(logger: Logger, say: @escaping @Sendable (String) -> Void, warn: (String) -> Void) async throws {
        let writeDemo = !FileManager.default.fileExists(atPath: vault.configPath)
        if writeDemo {
            let directory = (vault.configPath as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try Data(DemoConfiguration.yaml.utf8).write(to: URL(fileURLWithPath: vault.configPath), options: .atomic)
            say("No configuration at \(vault.configPath): wrote the demo configuration there (edit it, then restart).")
        }
        let opened = try await vault.open(logger: logger, warn: warn)
        do {
            if writeDemo, try await opened.recordDemoAssessments() > 0 {
                say("Recorded the demo configuration's impact assessments (PIPL Art. 55); record your own with `pivault assessment add` before processing real data.")
            }
            let inactive = try await opened.assessmentStatus().filter { !$0.active }.map(\.purpose)
            if !inactive.isEmpty {
                warn("warning: purposes \(inactive.joined(separator: ", ")) need an impact assessment of their current definition and refuse every use until one is recorded (PIPL Art. 55); see `pivault assessment status`")
            }
            let tokens = APITokens(store: opened.store, configuration: opened.configuration)
            if let issued = try await tokens.createFirstAdminToken() {
                say("""
                    First start: created an admin API token (role '\(issued.row.role)', id \(issued.row.id)). It is shown only this once:

                        \(issued.secret.reveal())

                    Send it as 'Authorization: Bearer <token>'. Create tokens for other roles with `pivault token create --role ROLE`.
                    """)
            }
        } catch {
            try? await opened.close()
            throw error
        }
        let readiness = Readiness()
        let dependencies = VaultServer.Dependencies(vault: opened, configuration: server, keyRotation: KeyRotation(source: vault.keySource), readiness: readiness)
        let host = server.host.contains(":") ? "[\(server.host)]" : server.host
        let app = VaultServer.buildApplication(dependencies, logger: logger) { port in
            say("pivault is serving on http://\(host):\(port) — API document: http://\(host):\(port)/openapi.yaml (stop with Ctrl-C)")
        }
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: app),
                .init(service: DrainSignal(readiness: readiness), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(server.shutdownGracePeriod * 1000))
        try await ServiceGroup(configuration: configuration).run()
    }
}

/// Flips readiness to "draining" as soon as shutdown begins.
struct DrainSignal: Service {
    let readiness: Readiness

    func run() async throws {
        try? await gracefulShutdown()
        readiness.beginDraining()
    }
}
