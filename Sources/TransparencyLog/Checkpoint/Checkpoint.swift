/// A C2SP tlog-checkpoint: the note text a log signs to commit to its size and root.
///
/// ```
/// <origin>
/// <decimal tree size>
/// <base64 root hash>
/// [extension lines]
/// ```
public struct Checkpoint: Sendable, Hashable {
    /// The log's unique name (a schema-less URL by convention).
    public var origin: String
    /// The number of leaves.
    public var size: UInt64
    /// MTH of the first `size` leaves.
    public var root: MerkleHash
    /// Optional non-empty lines after the root, kept in order.
    public var extensions: [String]

    /// Creates a checkpoint.
    ///
    /// - Throws: ``LogError/Code/malformedCheckpoint`` for an empty origin or a
    ///   line containing a newline or empty extension line.
    public init(origin: String, size: UInt64, root: MerkleHash, extensions: [String] = []) throws {
        guard !origin.isEmpty, !origin.contains("\n") else {
            throw LogError(.malformedCheckpoint, "checkpoint origin must be one non-empty line")
        }
        for (number, line) in extensions.enumerated() where line.isEmpty || line.contains("\n") {
            throw LogError(.malformedCheckpoint, "checkpoint extension line \(number + 1) must be one non-empty line")
        }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
    }

    /// Parses checkpoint text (the text of a signed note).
    ///
    /// - Throws: ``LogError/Code/malformedCheckpoint`` naming the line at fault.
    public init(parsing text: String) throws {
        guard text.hasSuffix("\n") else {
            throw LogError(.malformedCheckpoint, "checkpoint text must end with a newline")
        }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else {
            throw LogError(.malformedCheckpoint, "checkpoint has \(lines.count) lines; it needs origin, size and root")
        }
        guard let size = Self.parseSize(lines[1]) else {
            throw LogError(.malformedCheckpoint, "checkpoint line 2 (tree size) is not a decimal number without leading zeros")
        }
        let root: MerkleHash
        do {
            root = try MerkleHash(base64: String(lines[2]), what: "checkpoint line 3 (root hash)")
        } catch let error as LogError {
            throw LogError(.malformedCheckpoint, error.message)
        }
        try self.init(origin: String(lines[0]), size: size, root: root, extensions: lines.dropFirst(3).map(String.init))
    }

    /// The note text, ending in a newline.
    public var text: String {
        ([origin, String(size), root.base64] + extensions).map { $0 + "\n" }.joined()
    }

    private static func parseSize(_ line: Substring) -> UInt64? {
        guard !line.isEmpty, line.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              line == "0" || !line.hasPrefix("0") else { return nil }
        return UInt64(line)
    }
}
