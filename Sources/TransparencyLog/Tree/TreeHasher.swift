import Crypto

/// The RFC 6962 / RFC 9162 §2.1.1 Merkle tree hash function over SHA-256.
///
/// Leaves are hashed with a `0x00` prefix and interior nodes with `0x01`, so
/// a leaf can never be mistaken for a node (second-preimage resistance).
public enum TreeHasher {
    /// MTH({}) = SHA-256(""), the root of the empty tree.
    public static let emptyRoot: MerkleHash = digest(of: UnsafeRawBufferPointer(start: nil, count: 0))

    /// MTH({d}) = SHA-256(0x00 ‖ d): the hash of one leaf entry.
    public static func leafHash(_ data: some Collection<UInt8>) -> MerkleHash {
        if let hash = data.withContiguousStorageIfAvailable({ leafHash(bytes: UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return Array(data).withUnsafeBytes { leafHash(bytes: $0) }
    }

    /// SHA-256(0x00 ‖ bytes) over a raw buffer.
    public static func leafHash(bytes: UnsafeRawBufferPointer) -> MerkleHash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return hasher.finalize().withUnsafeBytes { MerkleHash(raw: $0) }
    }

    /// SHA-256(0x01 ‖ left ‖ right): the hash of an interior node.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        // One 65-byte block on the stack, hashed in a single update.
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { block in
            block[0] = 1
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: block[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: block[33..<65]).copyMemory(from: $0) }
            return digest(of: UnsafeRawBufferPointer(block))
        }
    }

    /// SHA-256 of raw bytes with no prefix (the benchmark's ceiling and the empty root).
    public static func digest(of bytes: UnsafeRawBufferPointer) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize().withUnsafeBytes { MerkleHash(raw: $0) }
    }
}
