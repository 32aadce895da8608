import Testing
import TransparencyLog

@Suite("RFC 6962 / RFC 9162 §2.1.1 tree hashing")
struct HashingTests {
    @Test("RFC 9162 §2.1.1: the empty tree's hash is SHA-256 of the empty string")
    func emptyRoot() async throws {
        #expect(TreeHasher.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let log = try await Fixture.log(0)
        #expect(try await log.root(at: 0) == TreeHasher.emptyRoot)
    }

    @Test("RFC 9162 §2.1.1: leaves are prefixed 0x00 and nodes 0x01")
    func domainSeparation() {
        // SHA-256(0x00) — the hash of the empty leaf.
        #expect(TreeHasher.leafHash([UInt8]()).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        let left = TreeHasher.leafHash([UInt8]([1]))
        let right = TreeHasher.leafHash([UInt8]([2]))
        // A node is never equal to the leaf hash of its children's concatenation.
        #expect(TreeHasher.nodeHash(left, right) != TreeHasher.leafHash(left.bytes + right.bytes))
        var prefixed: [UInt8] = [0x01]
        prefixed += left.bytes + right.bytes
        #expect(TreeHasher.nodeHash(left, right) == prefixed.withUnsafeBytes { TreeHasher.digest(of: $0) })
    }

    @Test("RFC 6962 §2.1: roots of the Certificate Transparency reference tree at every size 1–8")
    func referenceRoots() async throws {
        let expected = [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ]
        let log = try await MerkleLog(storage: InMemoryMerkleStorage())
        try await log.append(Fixture.referenceLeaves)
        for size in 1...8 {
            #expect(try await log.root(at: UInt64(size)).hex == expected[size - 1], "size \(size)")
        }
    }

    @Test("Hashes round-trip through base64 and reject other lengths with the length named")
    func hashCoding() throws {
        let hash = TreeHasher.leafHash(Array("x".utf8))
        #expect(try MerkleHash(base64: hash.base64, what: "root") == hash)
        let error = #expect(throws: LogError.self) { try MerkleHash(base64: "AAAA", what: "root") }
        #expect(error?.code == .invalidHash)
        #expect(error?.message.contains("root has 3 bytes") == true)
        #expect(throws: LogError.self) { try MerkleHash(base64: "not base64!", what: "proof[0]") }
    }
}
