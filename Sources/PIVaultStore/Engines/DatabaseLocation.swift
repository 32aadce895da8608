import Foundation
import Logging

/// Where the vault's database is: an SQLite file (the default) or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Hashable {
    /// An SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL server at this URL.
    case postgres(url: String)

    /// Parses `sqlite:PATH`, `sqlite://PATH`, a plain path, or `postgres://…`.
    public init(parsing text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Opens the engine for this location.
    public func open(logger: Logger) async throws -> any DatabaseEngine {
        switch self {
        case .sqlite(let path): try await SQLiteEngine.open(path: path, logger: logger)
        case .postgres(let url): try await PostgresEngine.connect(url: url, logger: logger)
        }
    }
}
