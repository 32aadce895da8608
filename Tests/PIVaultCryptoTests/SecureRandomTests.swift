import Foundation
@testable import PIVaultCrypto
import Testing

@Suite("Random bytes for keys, nonces and identifiers (issue 2: per-subject keys, AES-256-GCM)")
struct SecureRandomTests {
    @Test("Draws never repeat, across many draws and across the block boundary")
    func noRepeats() {
        var seen = Set<Data>()
        for _ in 0..<2_000 { seen.insert(SecureRandom.data(count: 12)) }
        #expect(seen.count == 2_000)
        let large = SecureRandom.data(count: 10_000)
        #expect(large.count == 10_000)
        // Zero bytes would show a block handed out before it was filled (or after it was wiped).
        #expect(large.filter { $0 == 0 }.count < 100)
        let chunks: [Data] = stride(from: 0, to: 9_984, by: 32).map { Data(large[$0..<$0 + 32]) }
        #expect(Set(chunks).count == chunks.count)
    }

    @Test("Concurrent draws from many tasks never hand out the same bytes twice")
    func concurrent() async {
        let draws = await withTaskGroup(of: [Data].self) { group in
            for _ in 0..<8 { group.addTask { (0..<500).map { _ in SecureRandom.data(count: 16) } } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(draws).count == 4_000)
    }

    @Test("Nonces from the pool give distinct ciphertexts of the same value, and they open")
    func nonces() throws {
        let key = DataKey.generate()
        let context = FieldContext(subjectID: "sub_1", recordID: "rec_1", fieldPath: "name")
        let first = try key.seal(Data("张三".utf8), binding: context)
        let second = try key.seal(Data("张三".utf8), binding: context)
        #expect(first.prefix(12) != second.prefix(12))
        #expect(try key.open(first, binding: context) == Data("张三".utf8))
        #expect(try key.open(second, binding: context) == Data("张三".utf8))
    }
}
