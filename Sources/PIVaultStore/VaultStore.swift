/// The vault's storage: an engine (SQLite or PostgreSQL), migrated on open,
/// offering sessions for reads and transactions for writes.
public struct VaultStore: Sendable {
    /// The engine.
    public let engine: any DatabaseEngine

    /// Opens a store on `engine` and brings its schema up to date.
    public static func open(_ engine: any DatabaseEngine) async throws -> VaultStore {
        try await Migrations.run(on: engine)
        return VaultStore(engine: engine)
    }

    /// A store on `engine` with its schema as found, for checks that must
    /// change nothing (a wrong master key) before ``migrate()`` runs.
    public static func attach(_ engine: any DatabaseEngine) -> VaultStore {
        VaultStore(engine: engine)
    }

    /// Applies the migrations the database does not have yet.
    public func migrate() async throws {
        try await Migrations.run(on: engine)
    }

    /// Whether the database already holds a vault (its first migration was applied).
    public func holdsVault() async throws -> Bool {
        try await Migrations.applied(on: engine).contains(1)
    }

    /// Runs `body` with a session outside a transaction, for queries that only read.
    public func read<T: Sendable>(_ body: @Sendable (StoreSession) async throws -> T) async throws -> T {
        let dialect = engine.dialect
        return try await engine.withReader { try await body(StoreSession(database: $0, dialect: dialect)) }
    }

    /// Runs `body` in one transaction: everything or nothing is written.
    public func write<T: Sendable>(_ body: @Sendable (StoreSession) async throws -> T) async throws -> T {
        let dialect = engine.dialect
        return try await engine.withTransaction { try await body(StoreSession(database: $0, dialect: dialect)) }
    }

    /// Closes the engine.
    public func close() async throws { try await engine.close() }
}
