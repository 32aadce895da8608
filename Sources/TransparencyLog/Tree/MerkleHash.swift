import Foundation

/// A 32-byte SHA-256 hash of a leaf, an interior node or a tree root.
///
/// Held inline (no heap allocation) so that large trees and proof
/// computations stay cheap; the bytes are kept in their original order.
public struct MerkleHash: Hashable, Sendable, CustomStringConvertible {
    /// The length of every hash in bytes (SHA-256).
    public static let byteCount = 32

    // A tuple guarantees in-order contiguous layout, so the value can be viewed as its 32 bytes.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a hash from exactly 32 bytes, or returns `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        // Stored hashes arrive as `Data`: one copy of the buffer, not a generic walk per byte.
        if let hash = bytes.withContiguousStorageIfAvailable({ MerkleHash(raw: UnsafeRawBufferPointer($0)) }) {
            self = hash
            return
        }
        words = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { target in
            for (offset, byte) in bytes.enumerated() { target[offset] = byte }
        }
    }

    /// Creates a hash from a raw buffer of exactly 32 bytes.
    init(raw: UnsafeRawBufferPointer) {
        precondition(raw.count == Self.byteCount, "a SHA-256 digest is 32 bytes")
        words = (
            raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        )
    }

    /// Decodes a standard (padded) base64 hash.
    ///
    /// - Parameters:
    ///   - base64: The encoded hash.
    ///   - what: Names the value in the error, e.g. `"root"` or `"proof[2]"`.
    /// - Throws: ``LogError/Code/invalidHash`` when the text is not base64 or not 32 bytes.
    public init(base64: String, what: String) throws {
        guard let data = Data(base64Encoded: base64) else {
            throw LogError(.invalidHash, "\(what) is not valid base64; expected the standard base64 encoding of a 32-byte SHA-256 hash")
        }
        try self.init(validating: data, what: what)
    }

    /// Wraps bytes that must be a 32-byte hash.
    ///
    /// - Parameters:
    ///   - bytes: The candidate hash.
    ///   - what: Names the value in the error.
    /// - Throws: ``LogError/Code/invalidHash`` naming the length found.
    public init(validating bytes: some Collection<UInt8>, what: String) throws {
        guard let hash = MerkleHash(bytes: bytes) else {
            throw LogError(.invalidHash, "\(what) has \(bytes.count) bytes; a SHA-256 hash has exactly \(Self.byteCount)")
        }
        self = hash
    }

    /// Calls `body` with a view of the 32 bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Standard padded base64, as used in checkpoints and proof files.
    public var base64: String { Data(bytes).base64EncodedString() }

    /// Lower-case hexadecimal.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hexadecimal.
    public var description: String { hex }

    /// Whether two hashes hold the same bytes.
    public static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    /// Feeds the bytes to `hasher`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
