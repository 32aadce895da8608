import Foundation
import Testing
import HealthCode

/// Seeded random mutation of valid inputs through every decoder. The seed is
/// fixed so a failure reproduces; the iteration count keeps the run short.
@Suite("Fuzz: seeded mutations of every decoder")
struct FuzzTests {
    /// 3,000 by default; set HEALTHCODE_FUZZ_ITERATIONS for a longer run.
    static let iterations = ProcessInfo.processInfo.environment["HEALTHCODE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000

    static func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
            case 3: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
            case 4 where bytes.count > 1:
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.insert(contentsOf: bytes[i...].prefix(8), at: i)
            default: bytes.append(contentsOf: [0x9f, 0xbf, 0x5f, 0x7f, 0x1b, 0xff].shuffled(using: &rng).prefix(2))
            }
        }
        return bytes
    }

    @Test("CBOR, COSE and CWT decoders survive mutated COSE messages")
    func cose() throws {
        let issuer = try HealthCodeIssuer.generate(name: "Fuzz", now: 1_700_000_000)
        let code = try issuer.issue(status: .green, now: 1_700_000_000, validFor: 3600)
        let (message, _) = try HC1Codec().decode(code.text)
        let seed = message.encoded()
        var rng = SplitMix64(seed: 0x5eed_c0de)
        var rejected = 0
        for _ in 0..<Self.iterations {
            let input = Self.mutate(seed, using: &rng)
            _ = try? CBORDecoder().decode(input)
            do {
                let decoded = try COSESign1(decoding: input)
                _ = try? CWTClaims(decoding: decoded.payload)
                _ = try? decoded.algorithm()
            } catch {
                rejected += 1
            }
        }
        #expect(rejected > 0)
    }

    @Test("the full HC1 pipeline survives mutated strings and never accepts a changed payload")
    func pipeline() throws {
        let issuer = try HealthCodeIssuer.generate(name: "Fuzz", now: 1_700_000_000)
        let code = try issuer.issue(status: .green, now: 1_700_000_000, validFor: 3600)
        let verifier = HealthCodeVerifier(trustList: TrustList([issuer.signer]), clock: .fixed(1_700_000_001))
        let original = Array(code.text.utf8)
        var rng = SplitMix64(seed: 45)
        for _ in 0..<Self.iterations / 3 {
            let mutated = String(decoding: Self.mutate(original, using: &rng), as: UTF8.self)
            if case .success(let verified) = verifier.verify(mutated) {
                // Base45/zlib can absorb some edits; the signed claims must be unchanged.
                #expect(verified.claims.encoded() == code.credential.claims.encoded())
            }
        }
    }

    @Test("Base45 and zlib survive random input")
    func transport() {
        var rng = SplitMix64(seed: 1950)
        for _ in 0..<Self.iterations {
            let length = Int.random(in: 0..<64, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Zlib.decompress([0x78, 0xda] + bytes, maxOutputBytes: 4096)
            _ = try? Base45.decode(String(decoding: bytes.map { Base45.alphabet[Int($0) % 45] }, as: UTF8.self))
        }
    }

    @Test("the JSON, timestamp and known-issues readers used on vector files survive mutations")
    func vectorReaders() {
        let seedJSON = Array(#"{"EXPECTEDRESULTS": {"EXPECTEDVERIFY": true}, "TESTCTX": {"VALIDATIONCLOCK": "2021-05-03T20:00:00+02:00"}, "n": [1.5e3, -2, "\u00e9\ud83d\ude00"]}"#.utf8)
        var rng = SplitMix64(seed: 8259)
        for _ in 0..<Self.iterations {
            let text = String(decoding: Self.mutate(seedJSON, using: &rng), as: UTF8.self)
            if let value = try? JSONValue.parse(text) {
                _ = try? ConformanceVector(path: "fuzz", country: "XX", testSet: "1", document: value)
            }
            _ = TimestampParser.epochSeconds(String(text.prefix(40)))
            let stamp = ["2021-05-03T20:00:00.123+02:00", "03.05.2021 18:00", "Mon, 03 May 2021 18:00:00 GMT", "20210503T180000Z", "1620064800"][Int.random(in: 0..<5, using: &rng)]
            _ = TimestampParser.epochSeconds(String(decoding: Self.mutate(Array(stamp.utf8), using: &rng), as: UTF8.self))
            _ = KnownIssues(csv: text)
        }
    }
}
