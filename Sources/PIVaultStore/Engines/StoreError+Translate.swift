import PostgresNIO

extension StoreError {
    /// Maps a driver error to a store error whose message says what to do,
    /// without the statement's bound values.
    static func translate(_ error: any Error, engine: String) -> any Error {
        if error is StoreError { return error }
        if let sqlite = error as? SQLiteDirectError {
            switch sqlite.kind {
            case .busy:
                return StoreError(.locked, "the \(engine) is locked by another process; retry, or stop the other writer")
            case .closed:
                return StoreError(.unavailable, "the \(engine) is closed; open the vault again")
            case .unusable:
                return StoreError(.unavailable, "the \(engine) cannot be used (\(sqlite.message)); check the file, its folder's permissions and free disk space")
            case .rejected:
                return StoreError(.schema, "the \(engine) rejected a statement (\(sqlite.message))")
            }
        }
        if let postgres = error as? PSQLError {
            if let sqlState = postgres.serverInfo?[.sqlState] {
                return StoreError(.schema, "the \(engine) rejected a statement (SQLSTATE \(sqlState))")
            }
            return StoreError(.unavailable, "the \(engine) cannot be reached (\(postgres.code)); check the database URL and that the server is running")
        }
        // Other errors come from the caller's own code inside a transaction: pass them through.
        return error
    }
}
