import Testing
import TransparencyLog

@Suite("RFC 9162 §2.1.3 and §2.1.4: proofs generated from storage")
struct ProofTests {
    static let maxSize = 40

    @Test("RFC 9162 §2.1.3.1: every inclusion proof up to 40 leaves equals PATH(m, D[n]) and verifies per §2.1.3.2")
    func inclusionExhaustive() async throws {
        let log = try await Fixture.log(Self.maxSize)
        let leaves = Fixture.entries(Self.maxSize).map { TreeHasher.leafHash($0) }
        for n in 1...Self.maxSize {
            let root = try await log.root(at: UInt64(n))
            #expect(root == Reference.mth(leaves[0..<n]))
            for m in 0..<n {
                let proof = try await log.inclusionProof(index: UInt64(m), size: UInt64(n))
                #expect(proof == Reference.path(m, leaves[0..<n]), "m=\(m) n=\(n)")
                try ProofVerifier.verifyInclusion(leafHash: leaves[m], index: UInt64(m), treeSize: UInt64(n), proof: proof, root: root)
            }
        }
    }

    @Test("RFC 9162 §2.1.4.1: every consistency proof up to 40 leaves equals PROOF(m, D[n]) and verifies per §2.1.4.2")
    func consistencyExhaustive() async throws {
        let log = try await Fixture.log(Self.maxSize)
        let leaves = Fixture.entries(Self.maxSize).map { TreeHasher.leafHash($0) }
        for n in 1...Self.maxSize {
            let newRoot = try await log.root(at: UInt64(n))
            for m in 0...n {
                let proof = try await log.consistencyProof(old: UInt64(m), new: UInt64(n))
                let expected = (m == 0 || m == n) ? [] : Reference.subproof(m, leaves[0..<n], true)
                #expect(proof == expected, "m=\(m) n=\(n)")
                try ProofVerifier.verifyConsistency(
                    oldSize: UInt64(m), newSize: UInt64(n), oldRoot: try await log.root(at: UInt64(m)),
                    newRoot: newRoot, proof: proof)
            }
        }
    }

    @Test("RFC 9162 §2.1.3.2: flipping a bit of any proof hash, the leaf or the root fails with a root mismatch")
    func inclusionMutations() async throws {
        let log = try await Fixture.log(21)
        let root = try await log.root(at: 21)
        for m in [0, 5, 16, 20] as [UInt64] {
            let proof = try await log.inclusionProof(index: m, size: 21)
            let leaf = try await log.leafHash(at: m)
            for position in proof.indices {
                var mutated = proof
                mutated[position] = flip(mutated[position])
                let error = #expect(throws: LogError.self) {
                    try ProofVerifier.verifyInclusion(leafHash: leaf, index: m, treeSize: 21, proof: mutated, root: root)
                }
                #expect(error?.code == .rootMismatch)
            }
            #expect(throws: LogError.self) {
                try ProofVerifier.verifyInclusion(leafHash: flip(leaf), index: m, treeSize: 21, proof: proof, root: root)
            }
            // Wrong index with the same proof, and proofs one hash short or long.
            #expect(throws: LogError.self) {
                try ProofVerifier.verifyInclusion(leafHash: leaf, index: m ^ 1, treeSize: 21, proof: proof, root: root)
            }
            let short = #expect(throws: LogError.self) {
                try ProofVerifier.verifyInclusion(leafHash: leaf, index: m, treeSize: 21, proof: Array(proof.dropLast()), root: root)
            }
            #expect(short?.code == .invalidProof)
            #expect(throws: LogError.self) {
                try ProofVerifier.verifyInclusion(leafHash: leaf, index: m, treeSize: 21, proof: proof + [leaf], root: root)
            }
        }
    }

    @Test("RFC 9162 §2.1.4.2: a changed old root, new root or proof hash is named in the error")
    func consistencyMutations() async throws {
        let log = try await Fixture.log(13)
        let old = try await log.root(at: 6)
        let new = try await log.root(at: 13)
        let proof = try await log.consistencyProof(old: 6, new: 13)
        let oldError = #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 6, newSize: 13, oldRoot: flip(old), newRoot: new, proof: proof)
        }
        #expect(oldError?.message.contains("old root") == true)
        let newError = #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 6, newSize: 13, oldRoot: old, newRoot: flip(new), proof: proof)
        }
        #expect(newError?.message.contains("new root") == true)
        for position in proof.indices {
            var mutated = proof
            mutated[position] = flip(mutated[position])
            #expect(throws: LogError.self) {
                try ProofVerifier.verifyConsistency(oldSize: 6, newSize: 13, oldRoot: old, newRoot: new, proof: mutated)
            }
        }
    }

    @Test("RFC 9162 §2.1.4.2 edge cases: size 0, equal sizes, first size a power of two, shrinking")
    func consistencyEdges() async throws {
        let log = try await Fixture.log(16)
        let empty = TreeHasher.emptyRoot
        let r4 = try await log.root(at: 4)
        let r16 = try await log.root(at: 16)
        // The empty tree is a prefix of every tree, with an empty proof.
        try ProofVerifier.verifyConsistency(oldSize: 0, newSize: 16, oldRoot: empty, newRoot: r16, proof: [])
        #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 0, newSize: 16, oldRoot: empty, newRoot: r16, proof: [r4])
        }
        #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 0, newSize: 16, oldRoot: r4, newRoot: r16, proof: [])
        }
        // Equal sizes: empty proof and equal roots.
        try ProofVerifier.verifyConsistency(oldSize: 16, newSize: 16, oldRoot: r16, newRoot: r16, proof: [])
        let fork = #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 16, newSize: 16, oldRoot: r4, newRoot: r16, proof: [])
        }
        #expect(fork?.code == .rootMismatch)
        #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 16, newSize: 16, oldRoot: r16, newRoot: r16, proof: [r4])
        }
        // First size a power of two: step 2 prepends the old root, so the proof omits it.
        let proof = try await log.consistencyProof(old: 4, new: 16)
        #expect(proof.count == 2)
        try ProofVerifier.verifyConsistency(oldSize: 4, newSize: 16, oldRoot: r4, newRoot: r16, proof: proof)
        // Step 1: a non-trivial proof may not be empty.
        let emptyProof = #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 4, newSize: 16, oldRoot: r4, newRoot: r16, proof: [])
        }
        #expect(emptyProof?.code == .invalidProof)
        let shrink = #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 16, newSize: 4, oldRoot: r16, newRoot: r4, proof: proof)
        }
        #expect(shrink?.code == .invalidArgument)
    }

    @Test("RFC 9162 §2.1.3.2 step 1: an index at or past the tree size fails, including size 0")
    func inclusionEdges() async throws {
        let log = try await Fixture.log(1)
        let leaf = try await log.leafHash(at: 0)
        // A one-leaf tree's root is its leaf hash, with an empty proof.
        try ProofVerifier.verifyInclusion(leafHash: leaf, index: 0, treeSize: 1, proof: [], root: leaf)
        let outside = #expect(throws: LogError.self) {
            try ProofVerifier.verifyInclusion(leafHash: leaf, index: 0, treeSize: 0, proof: [], root: TreeHasher.emptyRoot)
        }
        #expect(outside?.code == .invalidArgument)
        #expect(throws: LogError.self) {
            try ProofVerifier.verifyInclusion(leafHash: leaf, index: 1, treeSize: 1, proof: [], root: leaf)
        }
        // Generation refuses what the tree does not hold.
        await #expect(throws: LogError.self) { try await log.inclusionProof(index: 1, size: 1) }
        await #expect(throws: LogError.self) { try await log.inclusionProof(index: 0, size: 2) }
        await #expect(throws: LogError.self) { try await log.consistencyProof(old: 2, new: 1) }
        await #expect(throws: LogError.self) { try await log.root(at: 2) }
    }

    private func flip(_ hash: MerkleHash) -> MerkleHash {
        var bytes = hash.bytes
        bytes[7] ^= 0x10
        return MerkleHash(bytes: bytes)!
    }
}
