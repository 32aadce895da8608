/// The JSON form of a consistency proof between two checkpoints (`pivault log audit`).
///
/// ```json
/// {"oldSize": 4, "newSize": 8, "hashes": ["<base64>", ...]}
/// ```
/// `hashes` is PROOF(oldSize, D[newSize]) in RFC 9162 §2.1.4.1 order.
public struct ConsistencyProofFile: Codable, Sendable, Hashable {
    /// The older checkpoint's size.
    public var oldSize: UInt64
    /// The newer checkpoint's size.
    public var newSize: UInt64
    /// Base64 proof hashes.
    public var hashes: [String]

    /// Creates a proof file.
    public init(oldSize: UInt64, newSize: UInt64, hashes: [MerkleHash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes.map(\.base64)
    }

    /// Decodes the JSON form.
    ///
    /// - Throws: ``LogError/Code/malformedProofFile`` naming the field at fault.
    public init(json: [UInt8]) throws {
        self = try ProofFileCoding.decode(Self.self, from: json, kind: "consistency proof")
    }

    /// The JSON form, keys sorted, pretty-printed.
    public func json() throws -> [UInt8] { try ProofFileCoding.encode(self) }

    /// The decoded proof hashes.
    public func proofHashes() throws -> [MerkleHash] {
        try hashes.enumerated().map { try MerkleHash(base64: $1, what: "hashes[\($0)]") }
    }
}
