import Foundation
import SQLKit

extension StoreSession {
    /// A dataset's ledger document, locked for update until the transaction ends
    /// (PostgreSQL row lock; SQLite's write transaction already excludes other writers).
    public func lockedPrivacyLedger(dataset: String) async throws -> String? {
        let query: SQLQueryString = dialect == .postgres
            ? "SELECT document FROM privacy_ledgers WHERE dataset = \(bind: dataset) FOR UPDATE"
            : "SELECT document FROM privacy_ledgers WHERE dataset = \(bind: dataset)"
        return try await database.raw(query).first()?.decode(column: "document", as: String.self)
    }

    /// A dataset's ledger document, without locking.
    public func privacyLedger(dataset: String) async throws -> String? {
        try await database.raw("SELECT document FROM privacy_ledgers WHERE dataset = \(bind: dataset)").first()?.decode(column: "document", as: String.self)
    }

    /// Stores a dataset's ledger document.
    public func setPrivacyLedger(dataset: String, document: String, at date: Date) async throws {
        try await database.raw("""
            INSERT INTO privacy_ledgers (dataset, document, updated_at) VALUES (\(bind: dataset), \(bind: document), \(bind: date.storedMilliseconds))
            ON CONFLICT (dataset) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
            """).run()
    }
}
