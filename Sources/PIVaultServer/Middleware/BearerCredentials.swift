/// The credentials of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), read the
/// same way for staff and subject tokens: the scheme is matched without regard to case and
/// the token loses the optional whitespace around it.
enum BearerCredentials {
    /// The token, or nil when the header uses another scheme or has no credentials.
    static func token(in header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1].trimmingOptionalWhitespace)
    }
}
