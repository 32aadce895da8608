import Foundation
import Testing
import TransparencyLog

/// A small deterministic generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Malformed input: every parser returns or throws LogError, never crashes")
struct RobustnessTests {
    /// Valid inputs of every kind, then mutated: byte flips, truncations, insertions.
    func corpus() async throws -> [[UInt8]] {
        let signer = try NoteSigner.generate(name: "vault.example/log")
        let log = try await Fixture.log(9)
        return [
            Array(try await log.signedCheckpoint(origin: "vault.example/log", signers: [signer], extensions: ["x"]).utf8),
            try await log.inclusionProofFile(index: 4, size: 9, entry: [1, 2]).json(),
            try await log.consistencyProofFile(old: 3, new: 9).json(),
            Array(signer.verifier.text.utf8),
            Array(signer.exportPrivateKeyText().utf8),
            Array("tile/1/x001/x234/067.p/17".utf8),
            try EntryBundle.encode([[1], [2, 3]]),
        ]
    }

    func mutations(of input: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for _ in 0..<150 {
            var bytes = input
            switch random.next() % 4 {
            case 0 where !bytes.isEmpty:
                bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            case 1:
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
            case 2:
                let bytePool: [UInt8] = [0x00, 0x0A, 0x2B, 0x2F, 0x22, 0x7B, 0x7D, 0x2D, 0x30, 0xE2, 0x80, 0x94, 0xFF, 0x20]
                bytes.insert(bytePool[Int(random.next() % UInt64(bytePool.count))], at: Int(random.next() % UInt64(bytes.count + 1)))
            default:
                bytes = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            out.append(bytes)
        }
        return out
    }

    @Test("Signed notes, checkpoints, keys, proof files, tile paths and bundles survive 7,000 mutated inputs")
    func mutatedInputs() async throws {
        var random = SplitMix64(state: 0x5EED)
        let verifier = try NoteSigner.generate(name: "vault.example/log").verifier
        var attempts = 0
        for input in try await corpus() {
            for bytes in mutations(of: input, using: &random) + [input] {
                let text = String(decoding: bytes, as: UTF8.self)
                expectLogErrorOrSuccess { _ = try SignedNote(parsing: bytes).verify(with: [verifier]) }
                expectLogErrorOrSuccess { _ = try Checkpoint(parsing: text) }
                expectLogErrorOrSuccess { _ = try SignedCheckpoint(verifying: bytes, with: [verifier]) }
                expectLogErrorOrSuccess { _ = try NoteVerifier(text) }
                expectLogErrorOrSuccess { _ = try NoteSigner(text) }
                expectLogErrorOrSuccess { _ = try InclusionProofFile(json: bytes).resolvedLeafHash() }
                expectLogErrorOrSuccess { _ = try InclusionProofFile(json: bytes).proofHashes() }
                expectLogErrorOrSuccess { _ = try ConsistencyProofFile(json: bytes).proofHashes() }
                expectLogErrorOrSuccess { _ = try TilePath(parsing: text).itemRange }
                expectLogErrorOrSuccess { _ = try EntryBundle.decode(bytes) }
                var report = LogConformanceReport()
                LogConformanceRunner.run(json: bytes, file: "fuzz.json", into: &report)
                attempts += 1
            }
        }
        #expect(attempts == 7 * 151)
    }

    @Test("Proof verification with hostile sizes and proof lengths throws instead of trapping")
    func hostileSizes() {
        let hash = TreeHasher.emptyRoot
        let sizes: [UInt64] = [0, 1, 2, 3, UInt64.max - 1, UInt64.max, 1 << 63, (1 << 63) + 1]
        for size in sizes {
            for index in [0, 1, size &- 1, size] {
                for proofLength in [0, 1, 63, 64, 65] {
                    let proof = [MerkleHash](repeating: hash, count: proofLength)
                    expectLogErrorOrSuccess {
                        try ProofVerifier.verifyInclusion(leafHash: hash, index: index, treeSize: size, proof: proof, root: hash)
                    }
                    expectLogErrorOrSuccess {
                        try ProofVerifier.verifyConsistency(oldSize: index, newSize: size, oldRoot: hash, newRoot: hash, proof: proof)
                    }
                }
            }
        }
    }

    private func expectLogErrorOrSuccess(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            #expect(error is LogError, "unexpected error type \(type(of: error))")
        }
    }
}
