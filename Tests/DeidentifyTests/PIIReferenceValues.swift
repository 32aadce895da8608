/// Values computed outside Swift, to check the implementation against.
enum PIIReferenceValues {
    /// `hmac.new(b"0123456789abcdef0123456789abcdef", "PERSON\x1f张伟".encode(), "sha256").hexdigest()[:16]`
    static let personHMACPrefix = "18a5ec963d328820"
}
