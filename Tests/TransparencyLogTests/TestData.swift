import Foundation
import TransparencyLog

/// Locates the shared vectors at `../shared/testdata` beside the repository root.
enum TestData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata")

    static var isPresent: Bool {
        let present = FileManager.default.fileExists(atPath: root.appendingPathComponent("merkle").path)
        if !present { print("TransparencyLog vector suites skipped: ../shared/testdata not found at \(root.path)") }
        return present
    }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Every `.json` file under `relative`, as paths relative to the testdata root.
    static func files(under relative: String) -> [String] {
        guard isPresent, let walker = FileManager.default.enumerator(atPath: url(relative).path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted().map { relative + "/" + $0 }
    }
}

/// Test helpers shared by the suites.
enum Fixture {
    /// The eight inputs of the RFC 6962 reference tree used by the Certificate Transparency test suites.
    static let referenceLeaves: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ]

    /// Distinct entries `entry-0`, `entry-1`, ….
    static func entries(_ count: Int, from start: Int = 0) -> [[UInt8]] {
        (start..<(start + count)).map { Array("entry-\($0)".utf8) }
    }

    /// A log over fresh in-memory storage holding `count` entries.
    static func log(_ count: Int) async throws -> MerkleLog<InMemoryMerkleStorage> {
        let log = try await MerkleLog(storage: InMemoryMerkleStorage())
        if count > 0 { try await log.append(entries(count)) }
        return log
    }

    static func hex(_ text: String) -> MerkleHash {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return MerkleHash(bytes: bytes)!
    }
}

/// MTH computed straight from RFC 9162 §2.1.1's recursive definition, independent of the library's storage path.
enum Reference {
    static func mth(_ leaves: ArraySlice<MerkleHash>) -> MerkleHash {
        switch leaves.count {
        case 0: return TreeHasher.emptyRoot
        case 1: return leaves.first!
        default:
            var k = 1
            while k * 2 < leaves.count { k *= 2 }
            let mid = leaves.startIndex + k
            return TreeHasher.nodeHash(mth(leaves[leaves.startIndex..<mid]), mth(leaves[mid...]))
        }
    }

    /// PATH(m, D[n]) from RFC 9162 §2.1.3.1.
    static func path(_ m: Int, _ leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        guard leaves.count > 1 else { return [] }
        var k = 1
        while k * 2 < leaves.count { k *= 2 }
        let mid = leaves.startIndex + k
        if m < k {
            return path(m, leaves[leaves.startIndex..<mid]) + [mth(leaves[mid...])]
        }
        return path(m - k, leaves[mid...]) + [mth(leaves[leaves.startIndex..<mid])]
    }

    /// SUBPROOF(m, D[n], b) from RFC 9162 §2.1.4.1.
    static func subproof(_ m: Int, _ leaves: ArraySlice<MerkleHash>, _ b: Bool) -> [MerkleHash] {
        if m == leaves.count { return b ? [] : [mth(leaves)] }
        var k = 1
        while k * 2 < leaves.count { k *= 2 }
        let mid = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[leaves.startIndex..<mid], b) + [mth(leaves[mid...])]
        }
        return subproof(m - k, leaves[mid...], false) + [mth(leaves[leaves.startIndex..<mid])]
    }
}
