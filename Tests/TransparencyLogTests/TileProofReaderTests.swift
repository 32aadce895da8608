import Synchronization
import Testing
import TransparencyLog

@Suite("Proofs from C2SP tlog-tiles (RFC 9162 §2.1.3–2.1.4)")
struct TileProofReaderTests {
    /// A reader over the log's own tiles, counting fetches; `tamper` may rewrite a tile on the way.
    static func reader(_ log: MerkleLog<InMemoryMerkleStorage>, fetches: FetchCounter? = nil,
                       tamper: @escaping @Sendable (String, [UInt8]) -> [UInt8] = { $1 }) -> TileProofReader {
        TileProofReader { path in
            fetches?.count.withLock { $0 += 1 }
            return tamper(path, try await log.tile(try TilePath(parsing: path)))
        }
    }

    @Test("RFC 9162 §2.1.4: consistency proofs built from tiles equal the log's own, across partial tiles and tile levels", arguments: [
        (1, 2), (3, 7), (255, 256), (256, 257), (257, 70_000), (65_536, 70_000), (1000, 65_537), (69_999, 70_000), (7, 7), (0, 9),
    ] as [(UInt64, UInt64)])
    func consistencyMatchesLog(old: UInt64, new: UInt64) async throws {
        let log = try await Fixture.log(70_000)
        let fromTiles = try await Self.reader(log).consistencyProof(old: old, new: new)
        #expect(fromTiles == (try await log.consistencyProofFile(old: old, new: new)))
    }

    @Test("RFC 9162 §2.1.3: inclusion proofs built from tiles equal the log's own and need O(log n) tiles", arguments: [
        (0, 1), (5, 8), (255, 256), (256, 70_000), (69_999, 70_000), (12_345, 65_537),
    ] as [(UInt64, UInt64)])
    func inclusionMatchesLog(index: UInt64, size: UInt64) async throws {
        let log = try await Fixture.log(70_000)
        let fetches = FetchCounter()
        let fromTiles = try await Self.reader(log, fetches: fetches).inclusionProof(index: index, size: size, entry: Fixture.entries(1, from: Int(index))[0])
        #expect(fromTiles == (try await log.inclusionProofFile(index: index, size: size, entry: Fixture.entries(1, from: Int(index))[0])))
        #expect(fetches.count.withLock { $0 } <= 6)
    }

    @Test("A tile that lies yields a proof that fails verification; a truncated tile or a bad request is a clear error")
    func lyingTiles() async throws {
        let log = try await Fixture.log(1000)
        let honest = try await Self.reader(log).consistencyProof(old: 300, new: 1000)
        let lying = Self.reader(log) { path, content in
            path.hasPrefix("tile/0/001") ? [UInt8](repeating: 7, count: 32) + content.dropFirst(32) : content
        }
        let forged = try await lying.consistencyProof(old: 300, new: 1000)
        #expect(forged != honest)
        let oldRoot = try await log.root(at: 300)
        let newRoot = try await log.root(at: 1000)
        #expect(throws: LogError.self) {
            try ProofVerifier.verifyConsistency(oldSize: 300, newSize: 1000, oldRoot: oldRoot, newRoot: newRoot, proof: forged.hashes.map { try MerkleHash(base64: $0, what: "hash") })
        }
        let truncated = Self.reader(log) { _, content in Array(content.dropLast()) }
        await #expect(throws: LogError.self) { try await truncated.consistencyProof(old: 300, new: 1000) }
        await #expect(throws: LogError.self) { try await Self.reader(log).consistencyProof(old: 1000, new: 300) }
        await #expect(throws: LogError.self) { try await Self.reader(log).inclusionProof(index: 1000, size: 1000) }
        // A tile the server does not have (a tree larger than it holds) surfaces the fetch error.
        await #expect(throws: LogError.self) { try await Self.reader(log).consistencyProof(old: 10, new: 5000) }
    }
}

/// Counts tile fetches across concurrent closures.
final class FetchCounter: Sendable {
    let count = Mutex(0)
}
