/// What an import did.
public struct ImportReport: Sendable, Hashable, Codable {
    /// Rows stored.
    public var imported: Int
    /// Rows rejected (skipped, or the reason the import was aborted).
    public var rejected: Int
    /// The rejections, by line (at most the first 1,000 are kept).
    public var errors: [String]
    /// Whether the import was aborted and nothing was stored.
    public var aborted: Bool
}
