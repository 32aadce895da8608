/// What an anonymisation run released and how well it is protected.
public struct AnonymityReport: Codable, Sendable, Equatable {
    /// The generalisation level chosen for one quasi-identifier.
    public struct Level: Codable, Sendable, Equatable {
        /// The column.
        public var column: String
        /// The hierarchy used (interval, date, address, categorical, table).
        public var hierarchy: String
        /// The chosen level, 0 = values kept.
        public var level: Int
        /// The hierarchy's top level (`*`).
        public var height: Int
        /// The chosen level's name (e.g. "month", "district", "width 10").
        public var name: String
    }

    /// Information loss of the released table.
    public struct InformationLoss: Codable, Sendable, Equatable {
        /// The metric used to choose among minimal generalisations.
        public var metric: String
        /// Normalised certainty penalty in [0, 1] (0 = nothing generalised, 1 = everything suppressed).
        public var value: Double
        /// Discernibility metric, reported alongside.
        public var discernibility: Double
    }

    /// How the lattice search went.
    public struct Search: Codable, Sendable, Equatable {
        /// Nodes in the generalisation lattice.
        public var latticeSize: Int
        /// Nodes whose equivalence classes were computed.
        public var nodesEvaluated: Int
        /// Minimal nodes that met the models.
        public var minimalNodes: Int
    }

    /// The standard whose models were applied.
    public var standard: String
    /// Rows read.
    public var rows: Int
    /// Rows released.
    public var releasedRows: Int
    /// Rows suppressed (removed).
    public var suppressedRows: Int
    /// The suppression limit in rows.
    public var suppressionLimitRows: Int
    /// Requested k.
    public var requestedK: Int
    /// Requested l.
    public var requestedL: Int
    /// Smallest equivalence class in the released table.
    public var achievedK: Int
    /// Fewest distinct sensitive values in a released class (nil without sensitive attributes).
    public var achievedL: Int?
    /// Equivalence classes in the released table.
    public var equivalenceClasses: Int
    /// Quasi-identifier columns.
    public var quasiIdentifiers: [String]
    /// Sensitive columns.
    public var sensitiveAttributes: [String]
    /// Columns removed.
    public var droppedColumns: [String]
    /// Columns in the released table.
    public var releasedColumns: [String]
    /// The level chosen per quasi-identifier.
    public var levels: [Level]
    /// Information loss.
    public var informationLoss: InformationLoss
    /// Search statistics.
    public var search: Search
    /// "anonymised" or "de-identified" in the sense of PIPL Art. 73(3)–(4).
    public var statement: String
    /// The legal reading of the statement (Art. 73(3) or 73(4)) and why it applies.
    public var basis: String
    /// Why the output is only de-identified (empty when anonymised).
    public var reasons: [String]
    /// The limits of the claim.
    public var caveat: String
}
