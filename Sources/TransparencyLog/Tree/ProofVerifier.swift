/// Verification of inclusion and consistency proofs exactly as RFC 9162
/// §2.1.3.2 and §2.1.4.2 specify, with the RFC's preconditions turned into
/// errors that say which value did not match.
public enum ProofVerifier {
    /// Verifies that `leafHash` is leaf `index` of the tree of `treeSize` leaves whose root is `root`.
    ///
    /// - Throws: ``LogError`` — `invalidArgument` when the index is not below the size,
    ///   `invalidProof` when the proof has the wrong number of hashes,
    ///   `rootMismatch` when the recomputed root differs from `root`.
    public static func verifyInclusion(
        leafHash: MerkleHash, index: UInt64, treeSize: UInt64, proof: [MerkleHash], root: MerkleHash
    ) throws {
        let computed = try rootFromInclusionProof(leafHash: leafHash, index: index, treeSize: treeSize, proof: proof)
        guard computed == root else {
            throw LogError(.rootMismatch, "inclusion proof for leaf \(index) in a tree of \(treeSize) leads to root \(computed.hex), but the expected root is \(root.hex): the leaf, a proof hash or the root was altered")
        }
    }

    /// Runs RFC 9162 §2.1.3.2 steps 1–4 and returns the root the proof leads to.
    ///
    /// - Throws: ``LogError`` when the index is out of range or the proof length is wrong.
    public static func rootFromInclusionProof(
        leafHash: MerkleHash, index: UInt64, treeSize: UInt64, proof: [MerkleHash]
    ) throws -> MerkleHash {
        // Step 1.
        guard index < treeSize else {
            throw LogError(.invalidArgument, "leaf index \(index) is not below the tree size \(treeSize); a leaf is only included in trees larger than its index")
        }
        let expected = TreeMath.inclusionRanges(index: index, size: treeSize).count
        guard proof.count == expected else {
            throw LogError(.invalidProof, "inclusion proof for leaf \(index) in a tree of \(treeSize) has \(proof.count) hashes; RFC 9162 §2.1.3.1 gives exactly \(expected)")
        }
        // Steps 2–4.
        var fn = index
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else {
                throw LogError(.invalidProof, "inclusion proof for leaf \(index) in a tree of \(treeSize) has more hashes than the path to the root")
            }
            if fn & 1 == 1 || fn == sn {
                r = TreeHasher.nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = TreeHasher.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 5, first half.
        guard sn == 0 else {
            throw LogError(.invalidProof, "inclusion proof for leaf \(index) in a tree of \(treeSize) ends before reaching the root")
        }
        return r
    }

    /// Verifies that the tree of `newSize` leaves with root `newRoot` extends the
    /// tree of `oldSize` leaves with root `oldRoot` (RFC 9162 §2.1.4.2).
    ///
    /// Edge cases: equal sizes need an empty proof and equal roots; an old size
    /// of 0 needs an empty proof and the empty-tree root, since the empty tree is
    /// a prefix of every tree.
    ///
    /// - Throws: ``LogError`` — `invalidArgument` when `oldSize > newSize`,
    ///   `invalidProof` for a proof of the wrong shape, `rootMismatch` naming
    ///   which of the two roots was not reproduced.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]
    ) throws {
        guard oldSize <= newSize else {
            throw LogError(.invalidArgument, "old tree size \(oldSize) is larger than new tree size \(newSize); a log only grows, so pass the older checkpoint first")
        }
        if oldSize == newSize {
            guard proof.isEmpty else {
                throw LogError(.invalidProof, "consistency proof between equal sizes \(oldSize) must be empty but has \(proof.count) hashes")
            }
            guard oldRoot == newRoot else {
                throw LogError(.rootMismatch, "trees of the same size \(oldSize) have different roots \(oldRoot.hex) and \(newRoot.hex): the log forked or a root was altered")
            }
            return
        }
        if oldSize == 0 {
            guard proof.isEmpty else {
                throw LogError(.invalidProof, "consistency proof from the empty tree must be empty but has \(proof.count) hashes")
            }
            guard oldRoot == TreeHasher.emptyRoot else {
                throw LogError(.rootMismatch, "old root \(oldRoot.hex) for size 0 is not the empty-tree root \(TreeHasher.emptyRoot.hex)")
            }
            return
        }
        // Step 1.
        guard !proof.isEmpty else {
            throw LogError(.invalidProof, "consistency proof from size \(oldSize) to \(newSize) is empty; RFC 9162 §2.1.4.2 step 1 rejects it")
        }
        let expected = TreeMath.consistencyRanges(old: oldSize, new: newSize).count
        guard proof.count == expected else {
            throw LogError(.invalidProof, "consistency proof from size \(oldSize) to \(newSize) has \(proof.count) hashes; RFC 9162 §2.1.4.1 gives exactly \(expected)")
        }
        // Step 2.
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        // Steps 3–4.
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // Step 5.
        var fr = path[0]
        var sr = path[0]
        // Step 6.
        for c in path.dropFirst() {
            guard sn != 0 else {
                throw LogError(.invalidProof, "consistency proof from size \(oldSize) to \(newSize) has more hashes than the path to the new root")
            }
            if fn & 1 == 1 || fn == sn {
                fr = TreeHasher.nodeHash(c, fr)
                sr = TreeHasher.nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 7.
        guard sn == 0 else {
            throw LogError(.invalidProof, "consistency proof from size \(oldSize) to \(newSize) ends before reaching the new root")
        }
        guard fr == oldRoot else {
            throw LogError(.rootMismatch, "consistency proof from size \(oldSize) to \(newSize) reproduces old root \(fr.hex), but the old checkpoint's root is \(oldRoot.hex): the old root or a proof hash was altered")
        }
        guard sr == newRoot else {
            throw LogError(.rootMismatch, "consistency proof from size \(oldSize) to \(newSize) reproduces new root \(sr.hex), but the new checkpoint's root is \(newRoot.hex): the log was rewritten, or the new root or a proof hash was altered")
        }
    }
}
