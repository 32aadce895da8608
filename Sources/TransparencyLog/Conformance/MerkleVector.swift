import Foundation

/// Evaluates one Merkle proof vector; a thrown error is the vector's "error" outcome.
enum MerkleVector {
    static func inclusion(_ object: [String: Any]) throws {
        try ProofVerifier.verifyInclusion(
            leafHash: try hash(object, "leafHash"),
            index: try integer(object, "leafIdx"),
            treeSize: try integer(object, "treeSize"),
            proof: try proof(object),
            root: try hash(object, "root"))
    }

    static func consistency(_ object: [String: Any]) throws {
        try ProofVerifier.verifyConsistency(
            oldSize: try integer(object, "size1"),
            newSize: try integer(object, "size2"),
            oldRoot: try hash(object, "root1"),
            newRoot: try hash(object, "root2"),
            proof: try proof(object))
    }

    private static func integer(_ object: [String: Any], _ key: String) throws -> UInt64 {
        guard let number = object[key] as? NSNumber, let value = UInt64(number.stringValue) ?? UInt64(exactly: number.doubleValue) else {
            throw LogError(.invalidArgument, "vector field \(key) is not a non-negative integer")
        }
        return value
    }

    private static func hash(_ object: [String: Any], _ key: String) throws -> MerkleHash {
        guard let text = object[key] as? String else {
            throw LogError(.invalidHash, "vector field \(key) is not a base64 string")
        }
        return try MerkleHash(base64: text, what: key)
    }

    private static func proof(_ object: [String: Any]) throws -> [MerkleHash] {
        guard let value = object["proof"], !(value is NSNull) else { return [] }
        guard let items = value as? [String] else {
            throw LogError(.invalidProof, "vector field proof is not a list of base64 strings")
        }
        return try items.enumerated().map { try MerkleHash(base64: $1, what: "proof[\($0)]") }
    }
}
