import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// PostgreSQL through a connection pool; each transaction leases one connection.
public final class PostgresEngine: DatabaseEngine {
    /// The dialect.
    public let dialect = DatabaseDialect.postgres
    /// `postgres://user@host:port/db` without the password.
    public let displayName: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    /// Connects to the database at `url` (`postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`).
    public static func connect(url: String, logger: Logger) async throws -> PostgresEngine {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidURL, "the database URL must look like postgres://user:password@host:5432/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default: throw StoreError(.invalidURL, "sslmode '\(sslMode)' is not one of disable, prefer, require")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        let display = "postgres://\(components.user ?? "postgres")@\(host):\(components.port ?? 5432)/\(database)"
        let engine = PostgresEngine(client: client, runner: runner, displayName: display)
        do {
            // The pool retries a refused connection indefinitely; a first contact gets a bounded wait.
            try await Self.firstContact(engine, within: .seconds(30))
        } catch {
            runner.cancel()
            throw StoreError(.unavailable, "cannot reach PostgreSQL at \(display): \(String(describing: error).prefix(200)); check the URL and that the server is running")
        }
        return engine
    }

    static func firstContact(_ engine: PostgresEngine, within limit: Duration) async throws {
        let once = ResumeOnce()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            once.set(continuation)
            Task {
                do {
                    try await engine.withDatabase { try await $0.raw("SELECT 1").run() }
                    once.resume(with: .success(()))
                } catch {
                    once.resume(with: .failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: limit)
                once.resume(with: .failure(StoreError(.unavailable, "no answer within \(limit)")))
            }
        }
    }

    private init(client: PostgresClient, runner: Task<Void, Never>, displayName: String) {
        self.client = client
        self.runner = runner
        self.displayName = displayName
    }

    /// Runs `body` on a leased connection.
    public func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        } catch {
            throw StoreError.translate(error, engine: "PostgreSQL database")
        }
    }

    /// Runs `body` in one transaction on a leased connection.
    public func withTransaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                let database = connection.sql(queryLogLevel: nil)
                try await database.raw("BEGIN").run()
                do {
                    let result = try await body(database)
                    try await database.raw("COMMIT").run()
                    return result
                } catch {
                    try? await database.raw("ROLLBACK").run()
                    throw error
                }
            }
        } catch {
            throw StoreError.translate(error, engine: "PostgreSQL database")
        }
    }

    /// Stops the pool.
    public func close() async throws {
        runner.cancel()
    }
}

/// A continuation resumed by whichever of several racers finishes first.
private final class ResumeOnce: Sendable {
    private let pending = Mutex<CheckedContinuation<Void, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<Void, any Error>) { pending.withLock { $0 = continuation } }

    func resume(with result: Result<Void, any Error>) {
        pending.withLock { continuation in
            continuation?.resume(with: result)
            continuation = nil
        }
    }
}
