import Foundation

/// One stored transparency-log event: its leaf index, the commitment to the
/// subject it concerns (if any), and the exact bytes its leaf hashes.
public struct LogEntryRow: Sendable, Hashable {
    /// The leaf index.
    public var index: UInt64
    /// The keyed commitment to the subject (hex), or nil for vault-wide events.
    public var subject: String?
    /// The event bytes; the leaf hash is SHA-256(0x00 ‖ data).
    public var data: Data

    /// Creates a row.
    public init(index: UInt64, subject: String?, data: Data) {
        self.index = index
        self.subject = subject
        self.data = data
    }
}
