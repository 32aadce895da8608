import Testing
import TransparencyLog

@Suite("C2SP tlog-tiles")
struct TileTests {
    @Test("C2SP tlog-tiles: index elements are 3 digits, all but the last x-prefixed; partial tiles end .p/W")
    func pathEncoding() throws {
        #expect(try TilePath(level: 0, index: 0).path == "tile/0/000")
        #expect(try TilePath(level: 1, index: 1234067).path == "tile/1/x001/x234/067")
        #expect(try TilePath(level: 2, index: 1000, width: 17).path == "tile/2/x001/000.p/17")
        #expect(try TilePath.entries(index: 5, width: 255).path == "tile/entries/005.p/255")
        #expect(try TilePath(level: 0, index: TilePath.maximumIndex).path == "tile/0/x072/x057/x594/x037/x927/934")
        #expect(throws: LogError.self) { try TilePath(level: 0, index: TilePath.maximumIndex + 1) }
    }

    @Test("C2SP tlog-tiles: parsing accepts exactly the canonical paths", arguments: [
        "tile/0/000", "/tile/1/x001/x234/067", "tile/2/x001/000.p/17", "tile/entries/005.p/255",
        "tile/63/x072/x057/x594/x037/x927/934",
    ])
    func parsesCanonical(path: String) throws {
        let parsed = try TilePath(parsing: path)
        #expect("/" + parsed.path == (path.hasPrefix("/") ? path : "/" + path))
    }

    @Test("C2SP tlog-tiles: non-canonical or malformed paths fail with malformedTilePath", arguments: [
        "", "tile", "tile/0", "tiles/0/000", "tile/64/000", "tile/01/000", "tile/0/00", "tile/0/0000",
        "tile/0/x000/001", "tile/0/001/002", "tile/0/x001", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/017",
        "tile/0/000.p", "tile/0/x018/x446/x744/x073/x709/x551/616", "tile/0/x072/x057/x594/x037/x927/935", "tile/-1/000", "tile/entries/abc",
    ])
    func rejectsMalformed(path: String) {
        let error = #expect(throws: LogError.self) { try TilePath(parsing: path) }
        #expect(error?.code == .malformedTilePath)
    }

    @Test("C2SP tlog-tiles: tile content is the concatenated node hashes of tree level 8·L")
    func content() async throws {
        let log = try await Fixture.log(70_000)
        // Level 0: leaf hashes.
        let full = try await log.tile(try TilePath(level: 0, index: 1))
        #expect(full.count == 256 * 32)
        #expect(Array(full[0..<32]) == (try await log.leafHash(at: 256)).bytes)
        // Level 1 holds tree level 8: hashes of 256-leaf subtrees, the last tile partial.
        let available = 70_000 >> 8
        let partial = try TilePath(level: 1, index: 1, width: available - 256)
        let tile = try await log.tile(partial)
        #expect(tile.count == (available - 256) * 32)
        let subtree = Reference.mth(Fixture.entries(256, from: 65_536).map { TreeHasher.leafHash($0) }[...])
        #expect(Array(tile[0..<32]) == subtree.bytes)
        // The first level-1 full tile's hashes fold to the root of the first 65,536 leaves.
        let first = try await log.tile(try TilePath(level: 1, index: 0))
        let hashes = stride(from: 0, to: first.count, by: 32).map { MerkleHash(bytes: first[$0..<($0 + 32)])! }
        var level = hashes
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { TreeHasher.nodeHash(level[$0], level[$0 + 1]) }
        }
        #expect(level[0] == (try await log.root(at: 65_536)))
        // Beyond the tree: refused.
        await #expect(throws: LogError.self) { try await log.tile(try TilePath(level: 1, index: 1, width: available - 255)) }
        await #expect(throws: LogError.self) { try await log.tile(try TilePath(level: 2, index: 0, width: 2)) }
        await #expect(throws: LogError.self) { try await log.tile(try TilePath.entries(index: 0)) }
        await #expect(throws: LogError.self) { try await log.tile(try TilePath(level: 63, index: TilePath.maximumIndex)) }
    }

    @Test("C2SP tlog-tiles: entry bundles are 16-bit big-endian length-prefixed entries")
    func entryBundles() throws {
        let entries: [[UInt8]] = [[], [1, 2, 3], Array(repeating: 7, count: 300)]
        let bundle = try EntryBundle.encode(entries)
        #expect(Array(bundle[0..<7]) == [0, 0, 0, 3, 1, 2, 3])
        #expect(try EntryBundle.decode(bundle) == entries)
        #expect(throws: LogError.self) { try EntryBundle.decode([0, 5, 1]) }
        #expect(throws: LogError.self) { try EntryBundle.decode([0]) }
        #expect(throws: LogError.self) { try EntryBundle.encode([Array(repeating: 0, count: 65_536)]) }
    }
}
