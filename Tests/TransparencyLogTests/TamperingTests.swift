import Foundation
import Testing
import TransparencyLog

/// Models an attacker with write access to the database: reads return the edited hashes.
actor TamperableStorage: MerkleStorage {
    private let inner = InMemoryMerkleStorage()
    private var edits: [NodeID: MerkleHash] = [:]

    func edit(_ id: NodeID) async throws {
        var bytes = try await inner.hashes(of: [id])[0].bytes
        bytes[0] ^= 0xFF
        edits[id] = MerkleHash(bytes: bytes)!
    }

    func state() async throws -> MerkleStorageState { await inner.state() }
    func appendLeaves(_ hashes: [MerkleHash], at firstIndex: UInt64) async throws {
        try await inner.appendLeaves(hashes, at: firstIndex)
    }
    func integrate(nodes: [MerkleNode], upTo size: UInt64) async throws {
        try await inner.integrate(nodes: nodes, upTo: size)
    }
    func hashes(of ids: [NodeID]) async throws -> [MerkleHash] {
        try await inner.hashes(of: ids).enumerated().map { edits[ids[$0]] ?? $1 }
    }
    func hashes(level: UInt8, range: Range<UInt64>) async throws -> [MerkleHash] {
        try await inner.hashes(level: level, range: range).enumerated().map {
            edits[NodeID(level: level, index: range.lowerBound + UInt64($0))] ?? $1
        }
    }
}

@Suite("Tampering: an edited leaf, node or checkpoint fails verification with a message naming what did not match")
struct TamperingTests {
    let signer = try! NoteSigner.generate(name: "vault.example/log")
    let entries = Fixture.entries(20)

    /// A 20-entry log and the checkpoint signed before any tampering.
    func published() async throws -> (TamperableStorage, MerkleLog<TamperableStorage>, [UInt8]) {
        let storage = TamperableStorage()
        let log = try await MerkleLog(storage: storage)
        try await log.append(entries)
        let note = try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer])
        return (storage, log, Array(note.utf8))
    }

    @Test("RFC 9162 §2.1.3.2: an edited stored leaf breaks its neighbours' proofs, its entry check and the audit")
    func editedLeaf() async throws {
        let (storage, log, note) = try await published()
        try await storage.edit(NodeID(level: 0, index: 6))

        // The person holding entry 6 finds the log no longer commits to it.
        let entryError = await #expect(throws: LogError.self) { try await log.verifyEntry(entries[6], at: 6) }
        #expect(entryError?.code == .integrityViolation)
        #expect(entryError?.message.contains("leaf 6 is stored as") == true)

        // A proof served for leaf 6 carries the edited hash, which no longer matches the entry.
        let own = try await log.inclusionProofFile(index: 6, size: 20, entry: entries[6])
        let ownError = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: note, proof: own, verifiers: [signer.verifier])
        }
        #expect(ownError?.message.contains("leafHash") == true)

        // Leaf 7's proof uses leaf 6 as its sibling and no longer reaches the signed root.
        let neighbour = try await log.inclusionProofFile(index: 7, size: 20, entry: entries[7])
        let proofError = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: note, proof: neighbour, verifiers: [signer.verifier])
        }
        #expect(proofError?.code == .rootMismatch)
        #expect(proofError?.message.contains("inclusion proof for leaf 7 in a tree of 20") == true)

        // The audit names the parent whose children no longer hash to it.
        let auditError = await #expect(throws: LogError.self) { try await log.auditStoredTree() }
        #expect(auditError?.code == .integrityViolation)
        #expect(auditError?.message.contains("node (level 1, index 3)") == true)
        #expect(auditError?.message.contains("leaves 6 and 7") == true)
    }

    @Test("RFC 9162 §2.1.3.2: an edited stored node breaks every proof through it and the audit names it")
    func editedNode() async throws {
        let (storage, log, note) = try await published()
        let checkpoint = try SignedCheckpoint(verifying: note, with: [signer.verifier]).checkpoint
        try await storage.edit(NodeID(level: 2, index: 1))

        let proof = try await log.inclusionProofFile(index: 0, size: 20, entry: entries[0])
        let error = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: note, proof: proof, verifiers: [signer.verifier])
        }
        #expect(error?.code == .rootMismatch)
        #expect(error?.message.contains(checkpoint.root.hex) == true)

        let auditError = await #expect(throws: LogError.self) { try await log.auditStoredTree(against: checkpoint) }
        #expect(auditError?.message.contains("node (level 2, index 1) is stored as") == true)

        // A consistency proof through the edited node no longer links an older checkpoint to the signed one.
        let old = try Checkpoint(origin: "vault.example/log", size: 3, root: Reference.mth(entries[0..<3].map { TreeHasher.leafHash($0) }[...]))
        let oldNote = Array(try SignedCheckpoint.sign(old, with: [signer]).utf8)
        let consistency = try await log.consistencyProofFile(old: 3, new: 20)
        let auditProof = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyConsistency(old: oldNote, new: note, proof: consistency, verifiers: [signer.verifier])
        }
        #expect(auditProof?.code == .rootMismatch)
    }

    @Test("C2SP signed-note: an edited checkpoint fails its signature; one signed by another key is unverified")
    func editedCheckpoint() async throws {
        let (_, log, note) = try await published()
        let proof = try await log.inclusionProofFile(index: 3, size: 20, entry: entries[3])
        _ = try OfflineVerifier.verifyInclusion(checkpoint: note, proof: proof, verifiers: [signer.verifier])

        let text = String(decoding: note, as: UTF8.self)
        let edited = Array(text.replacingOccurrences(of: "\n20\n", with: "\n21\n").utf8)
        let error = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: edited, proof: proof, verifiers: [signer.verifier])
        }
        #expect(error?.code == .invalidSignature)
        #expect(error?.message.contains("vault.example/log") == true)

        let impostor = try NoteSigner.generate(name: "vault.example/log")
        let forged = try SignedCheckpoint.sign(try Checkpoint(parsing: SignedNote(parsing: note).text), with: [impostor])
        let forgedError = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: Array(forged.utf8), proof: proof, verifiers: [signer.verifier])
        }
        #expect(forgedError?.code == .unverifiedNote)
    }
}
