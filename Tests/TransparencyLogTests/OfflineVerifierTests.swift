import Foundation
import Testing
import TransparencyLog

@Suite("Offline verification: proof files against signed checkpoints")
struct OfflineVerifierTests {
    let signer = try! NoteSigner.generate(name: "vault.example/log")

    @Test("RFC 9162 §2.1.3.2: an inclusion proof file round-trips through JSON and verifies offline")
    func inclusionFile() async throws {
        let log = try await Fixture.log(33)
        let note = Array(try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer]).utf8)
        let file = try await log.inclusionProofFile(index: 17, size: 33, entry: Fixture.entries(33)[17])
        let decoded = try InclusionProofFile(json: try file.json())
        #expect(decoded == file)
        let result = try OfflineVerifier.verifyInclusion(checkpoint: note, proof: decoded, verifiers: [signer.verifier], origin: "vault.example/log")
        #expect(result.leafIndex == 17)
        #expect(result.checkpoint.size == 33)
        // Hash only, no data.
        var hashOnly = decoded
        hashOnly.leafData = nil
        _ = try OfflineVerifier.verifyInclusion(checkpoint: note, proof: hashOnly, verifiers: [signer.verifier])
    }

    @Test("A proof for a different tree size than the checkpoint's is refused with both sizes named")
    func sizeMismatch() async throws {
        let log = try await Fixture.log(33)
        let note = Array(try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer]).utf8)
        let file = try await log.inclusionProofFile(index: 3, size: 20)
        let error = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyInclusion(checkpoint: note, proof: file, verifiers: [signer.verifier])
        }
        #expect(error?.code == .sizeMismatch)
        #expect(error?.message.contains("20") == true && error?.message.contains("33") == true)
    }

    @Test("RFC 9162 §2.1.4.2: consistency between two signed checkpoints; a swapped or foreign pair is refused")
    func consistencyFile() async throws {
        let log = try await Fixture.log(10)
        let old = Array(try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer]).utf8)
        try await log.append(Fixture.entries(23, from: 10))
        let new = Array(try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer]).utf8)
        let file = try ConsistencyProofFile(json: try await log.consistencyProofFile(old: 10, new: 33).json())
        let result = try OfflineVerifier.verifyConsistency(old: old, new: new, proof: file, verifiers: [signer.verifier])
        #expect(result.old.size == 10 && result.new.size == 33)
        #expect(throws: LogError.self) {
            try OfflineVerifier.verifyConsistency(old: new, new: old, proof: file, verifiers: [signer.verifier])
        }
        let other = try NoteSigner.generate(name: "other.example/log")
        let foreign = Array(try SignedCheckpoint.sign(try Checkpoint(origin: "other.example/log", size: 33, root: await log.currentRoot), with: [other]).utf8)
        let error = #expect(throws: LogError.self) {
            try OfflineVerifier.verifyConsistency(old: old, new: foreign, proof: file, verifiers: [signer.verifier, other.verifier])
        }
        #expect(error?.code == .originMismatch)
    }

    @Test("Malformed proof files fail with malformedProofFile naming the field, never the value")
    func malformedFiles() {
        let cases: [(String, String)] = [
            ("not json", "JSON"),
            ("{}", "leafIndex"),
            ("{\"leafIndex\": -1, \"treeSize\": 2, \"hashes\": []}", "non-negative"),
            ("{\"leafIndex\": 0, \"treeSize\": \"2\", \"hashes\": []}", "treeSize"),
            ("{\"leafIndex\": 0, \"treeSize\": 2, \"hashes\": [7]}", "hashes"),
        ]
        for (json, field) in cases {
            let error = #expect(throws: LogError.self) { try InclusionProofFile(json: Array(json.utf8)) }
            #expect(error?.code == .malformedProofFile)
            #expect(error?.message.contains(field) == true, "\(error?.message ?? "") should name \(field)")
        }
        #expect(throws: LogError.self) { try ConsistencyProofFile(json: Array("{\"oldSize\": 1}".utf8)) }
        let noLeaf = InclusionProofFile(leafIndex: 0, treeSize: 1, leafHash: nil, hashes: [])
        #expect(throws: LogError.self) { try noLeaf.resolvedLeafHash() }
        var badHash = noLeaf
        badHash.hashes = ["AAAA"]
        #expect(throws: LogError.self) { try badHash.proofHashes() }
    }
}
