import Testing
import HealthCode

@Suite("Base45 (RFC 9285)")
struct Base45Tests {
    @Test("RFC 9285 §4.3 examples encode and decode", arguments: [
        ("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0"),
    ])
    func examples(plain: String, encoded: String) throws {
        #expect(Base45.encode(Array(plain.utf8)) == encoded)
        #expect(try Base45.decode(encoded) == Array(plain.utf8))
    }

    @Test("RFC 9285 §4.2: round-trips every byte pattern length 0–64")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 9285)
        for length in 0...64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(try Base45.decode(Base45.encode(bytes)) == bytes)
        }
        #expect(try Base45.decode("FGW") == [0xff, 0xff])
    }

    @Test("RFC 9285 §6: invalid characters, dangling character and overflowing groups are refused", arguments: [
        "GGW", ":::", "abc", "BB8A", "A", "BB*8\u{0}", "BB8Ä", "U9",
    ])
    func invalid(text: String) {
        #expect(throws: HealthCodeError.self) { try Base45.decode(text) }
    }
}

/// A small deterministic generator so randomised tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce5_e4b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
