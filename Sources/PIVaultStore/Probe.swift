/// Prefix indexes over random keys (blind-index digests, subject commitments).
///
/// A lookup finds its candidates through the prefix and keeps those whose whole
/// key matches, so a query must repeat the indexed expression exactly
/// (``blindIndex``, ``logSubject``) for the database to use the index.
enum Probe {
    /// Characters of a key the index keeps: 72 bits of a base64 digest and 48 of
    /// a hex commitment, so a lookup among billions of keys meets a stray
    /// candidate about once in a hundred thousand.
    static let length = 12

    /// The indexed expression over `blind_indexes.digest`.
    static let blindIndex = "substr(digest, 1, \(length))"

    /// The indexed expression over `tlog_entries.subject`.
    static let logSubject = "substr(subject, 1, \(length))"

    /// The prefix of `key` the index holds.
    static func prefix(_ key: String) -> String { String(key.prefix(length)) }
}
