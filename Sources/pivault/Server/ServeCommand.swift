import ArgumentParser
import Foundation
import Logging
import PIVault
import PIVaultServer

/// `pivault serve`: the vault's HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the vault's HTTP API (OpenAPI document at /openapi.yaml).",
        discussion: """
            With no configuration file, the demo configuration is written first. On first start an admin \
            API token is printed once. SIGTERM or Ctrl-C stops accepting requests, lets in-flight ones finish \
            and closes the database. Every option also reads a PIVAULT_… environment variable.
            """)

    @OptionGroup var options: VaultOptions

    @Option(help: "Address to bind (env PIVAULT_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port (env PIVAULT_PORT; default 8080).")
    var port: Int?

    @Option(help: "Largest request body in bytes (env PIVAULT_MAX_BODY_SIZE; default 1048576).")
    var maxBodySize: Int?

    @Option(help: "Requests per second each token may make, 0 for no limit (env PIVAULT_RATE_LIMIT; default 1000).")
    var rateLimit: Double?

    @Option(help: "Requests a token may make at once (env PIVAULT_RATE_BURST; default twice the rate limit).")
    var rateBurst: Double?

    @Option(help: "Seconds in-flight requests get to finish on shutdown (env PIVAULT_SHUTDOWN_GRACE; default 10).")
    var shutdownGrace: Double?

    @Option(help: "Seconds between signed transparency-log checkpoints, published only when the log grew (env PIVAULT_CHECKPOINT_INTERVAL; default 1).")
    var checkpointInterval: Double?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var server = ServerConfiguration()
        server.host = host ?? environment["PIVAULT_HOST"] ?? server.host
        server.port = try port ?? environment["PIVAULT_PORT"].map { try Self.number($0, "PIVAULT_PORT") } ?? server.port
        server.maxBodySize = try maxBodySize ?? environment["PIVAULT_MAX_BODY_SIZE"].map { try Self.number($0, "PIVAULT_MAX_BODY_SIZE") } ?? server.maxBodySize
        let rate = try rateLimit ?? environment["PIVAULT_RATE_LIMIT"].map { Double(try Self.number($0, "PIVAULT_RATE_LIMIT")) } ?? server.rateLimit.requestsPerSecond
        let burst = try rateBurst ?? environment["PIVAULT_RATE_BURST"].map { Double(try Self.number($0, "PIVAULT_RATE_BURST")) } ?? max(1, rate * 2)
        server.rateLimit = .init(requestsPerSecond: rate, burst: burst)
        server.shutdownGracePeriod = try shutdownGrace ?? environment["PIVAULT_SHUTDOWN_GRACE"].map { Double(try Self.number($0, "PIVAULT_SHUTDOWN_GRACE")) } ?? server.shutdownGracePeriod
        server.checkpointInterval = try checkpointInterval ?? environment["PIVAULT_CHECKPOINT_INTERVAL"].map { text in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("PIVAULT_CHECKPOINT_INTERVAL must be a number of seconds") }
            return value
        } ?? server.checkpointInterval
        guard server.checkpointInterval >= 0.01, server.checkpointInterval <= 86_400 else {
            throw ValidationError("--checkpoint-interval must be between 0.01 and 86400 seconds")
        }
        guard (0...65535).contains(server.port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard server.maxBodySize > 0 else { throw ValidationError("--max-body-size must be positive") }
        var logger = Logger(label: "pivault.server", factory: { BufferedLogHandler(label: $0) })
        logger.logLevel = environment["PIVAULT_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        // Request lines are written in batches; whatever is pending goes out before the process ends.
        defer { LogOutput.standardError.flush() }
        try await runReporting {
            try await ServeLauncher(vault: options.launcher, server: server).run(logger: logger, say: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }, warn: CLI.warn)
        }
    }

    static func number(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("\(name) must be a whole number") }
        return value
    }
}
