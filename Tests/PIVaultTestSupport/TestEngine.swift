import Foundation
import Logging
import PIVaultStore
import SQLKit
import Testing

/// The engines the vault suites run on: SQLite always, PostgreSQL when
/// PIVAULT_TEST_POSTGRES_URL names a server (each test gets its own database).
public enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The PostgreSQL server's URL, from PIVAULT_TEST_POSTGRES_URL.
    public static let postgresURL = ProcessInfo.processInfo.environment["PIVAULT_TEST_POSTGRES_URL"]

    /// SQLite, and PostgreSQL when a server is configured.
    public static let available: [TestEngine] = {
        if postgresURL == nil {
            print("note: PostgreSQL suites skipped — set PIVAULT_TEST_POSTGRES_URL=postgres://user@host:port/db to run them")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()

    /// The engine's name in test output.
    public var testDescription: String { rawValue }

    /// A fresh, empty database location and a clean-up closure.
    public func makeLocation(logger: Logger) async throws -> (location: DatabaseLocation, directory: String, cleanUp: @Sendable () async -> Void) {
        let directory = NSTemporaryDirectory() + "pivault-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        switch self {
        case .sqlite:
            return (.sqlite(path: directory + "/vault.sqlite"), directory, { try? FileManager.default.removeItem(atPath: directory) })
        case .postgres:
            let base = Self.postgresURL!
            let name = "pivault_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await PostgresEngine.connect(url: base, logger: logger)
            try await admin.withDatabase { try await $0.raw("CREATE DATABASE \(ident: String(name))").run() }
            try await admin.close()
            var components = URLComponents(string: base)!
            components.path = "/" + name
            let url = components.string!
            return (.postgres(url: url), directory, {
                try? FileManager.default.removeItem(atPath: directory)
                if let admin = try? await PostgresEngine.connect(url: base, logger: logger) {
                    try? await admin.withDatabase { try await $0.raw("DROP DATABASE IF EXISTS \(ident: String(name)) WITH (FORCE)").run() }
                    try? await admin.close()
                }
            })
        }
    }
}
