import Foundation

/// The JSON form of an inclusion proof that a person can keep and check
/// offline against a signed checkpoint (`pivault log verify`).
///
/// ```json
/// {"leafIndex": 5, "treeSize": 8,
///  "leafHash": "<base64 SHA-256(0x00 ‖ entry)>", "leafData": "<base64 entry, optional>",
///  "hashes": ["<base64>", ...]}
/// ```
/// At least one of `leafHash` and `leafData` is present; when both are, they must agree.
/// `hashes` is PATH(leafIndex, D[treeSize]) in RFC 9162 §2.1.3.1 order.
public struct InclusionProofFile: Codable, Sendable, Hashable {
    /// The leaf's index (0-based).
    public var leafIndex: UInt64
    /// The size of the tree the proof is for; must equal the checkpoint's size.
    public var treeSize: UInt64
    /// Base64 of the leaf hash.
    public var leafHash: String?
    /// Base64 of the entry itself, hashed as SHA-256(0x00 ‖ entry).
    public var leafData: String?
    /// Base64 proof hashes.
    public var hashes: [String]

    /// Creates a proof file.
    public init(leafIndex: UInt64, treeSize: UInt64, leafHash: MerkleHash?, leafData: [UInt8]? = nil, hashes: [MerkleHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.leafHash = leafHash?.base64
        self.leafData = leafData.map { Data($0).base64EncodedString() }
        self.hashes = hashes.map(\.base64)
    }

    /// Decodes the JSON form.
    ///
    /// - Throws: ``LogError/Code/malformedProofFile`` naming the field at fault.
    public init(json: [UInt8]) throws {
        self = try ProofFileCoding.decode(Self.self, from: json, kind: "inclusion proof")
    }

    /// The JSON form, keys sorted, pretty-printed.
    public func json() throws -> [UInt8] { try ProofFileCoding.encode(self) }

    /// The leaf hash the proof is about, from `leafData` or `leafHash`.
    ///
    /// - Throws: ``LogError`` when neither is present, one is malformed, or they disagree.
    public func resolvedLeafHash() throws -> MerkleHash {
        let fromHash = try leafHash.map { try MerkleHash(base64: $0, what: "leafHash") }
        let fromData = try leafData.map { text -> MerkleHash in
            guard let data = Data(base64Encoded: text) else {
                throw LogError(.malformedProofFile, "leafData is not standard base64")
            }
            return TreeHasher.leafHash(Array(data))
        }
        switch (fromHash, fromData) {
        case let (hash?, data?) where hash != data:
            throw LogError(.rootMismatch, "leafHash \(hash.hex) is not the hash of leafData (\(data.hex)): the entry or its hash was altered")
        case let (_, data?): return data
        case let (hash?, nil): return hash
        case (nil, nil):
            throw LogError(.malformedProofFile, "inclusion proof file has neither leafHash nor leafData")
        }
    }

    /// The decoded proof hashes.
    public func proofHashes() throws -> [MerkleHash] {
        try hashes.enumerated().map { try MerkleHash(base64: $1, what: "hashes[\($0)]") }
    }
}
