import Crypto

/// Revoked health codes, held only as truncated SHA-256 hashes.
///
/// Following the EU DCC revocation design, a list never names a code or a
/// person: it holds the first 16 bytes of SHA-256 over an identifier — the
/// code id (or DCC `ci`), the country plus identifier, or the signature
/// (only `r` for ECDSA, so re-randomised `s` values cannot dodge it).
public struct RevocationList: Sendable, Hashable {
    /// Number of hash bytes kept per entry.
    public static let hashLength = 16

    /// The truncated hashes.
    public private(set) var hashes: Set<[UInt8]>

    /// Creates a list from truncated hashes.
    public init(hashes: Set<[UInt8]> = []) { self.hashes = hashes }

    /// The truncated hash of an identifier string.
    public static func hash(identifier: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(identifier.utf8)).prefix(hashLength))
    }

    /// The truncated hash of a signature (`r` half only for 64-byte ECDSA P-256).
    public static func hash(signature: [UInt8]) -> [UInt8] {
        let covered = signature.count == 64 ? Array(signature.prefix(32)) : signature
        return Array(SHA256.hash(data: covered).prefix(hashLength))
    }

    /// Revokes a code id.
    public mutating func revoke(identifier: String) { hashes.insert(Self.hash(identifier: identifier)) }

    /// Revokes a signature.
    public mutating func revoke(signature: [UInt8]) { hashes.insert(Self.hash(signature: signature)) }

    /// Revokes a pivault health code by its id.
    public mutating func revoke(_ codeID: HealthCodeID) { revoke(identifier: codeID.rawValue) }

    /// Whether a pivault health code id is revoked.
    public func isRevoked(_ codeID: HealthCodeID) -> Bool { isRevoked(identifier: codeID.rawValue) }

    /// Whether the identifier is revoked.
    public func isRevoked(identifier: String) -> Bool { hashes.contains(Self.hash(identifier: identifier)) }

    /// Whether the signature is revoked.
    public func isRevoked(signature: [UInt8]) -> Bool { hashes.contains(Self.hash(signature: signature)) }

    /// The file header line.
    static let header = "# pivault health-code revocation list v1"

    /// The list as text: a header line then one lower-case hex hash per line, sorted.
    public func textEncoded() -> String {
        ([Self.header] + hashes.map { Hex.encode($0) }.sorted()).joined(separator: "\n") + "\n"
    }

    /// Reads the text form; blank lines and `#` comments are ignored.
    ///
    /// - Throws: `invalidInput` for a line that is not a 16-byte hex hash.
    public init(textEncoded text: String) throws {
        var hashes: Set<[UInt8]> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let bytes = Hex.decode(trimmed), bytes.count == Self.hashLength else {
                throw HealthCodeError(.invalidInput, "revocation list line \(number + 1) is not a \(Self.hashLength)-byte hex hash")
            }
            hashes.insert(bytes)
        }
        self.init(hashes: hashes)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
