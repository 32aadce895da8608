import Testing
import HealthCode

@Suite("zlib (RFC 1950)")
struct ZlibTests {
    let sample = Array("health code payload, health code payload, health code payload".utf8)

    @Test("RFC 1950: compress then decompress returns the input")
    func roundTrip() throws {
        let compressed = try Zlib.compress(sample)
        #expect(Zlib.hasHeader(compressed))
        #expect(try Zlib.decompress(compressed, maxOutputBytes: 1024) == sample)
    }

    @Test("RFC 1950 §8.2: a wrong Adler-32 trailer is refused")
    func adlerMismatch() throws {
        var compressed = try Zlib.compress(sample)
        compressed[compressed.count - 1] ^= 0x01
        let error = try #require(throws: HealthCodeError.self) { try Zlib.decompress(compressed, maxOutputBytes: 1024) }
        #expect(error.code == .invalidCompression)
    }

    @Test("RFC 1950: truncated streams, trailing bytes and uncompressed data are refused")
    func framing() throws {
        let compressed = try Zlib.compress(sample)
        for cut in [3, compressed.count / 2, compressed.count - 1] {
            #expect(throws: HealthCodeError.self) { try Zlib.decompress(Array(compressed.prefix(cut)), maxOutputBytes: 1024) }
        }
        #expect(throws: HealthCodeError.self) { try Zlib.decompress(compressed + [0], maxOutputBytes: 1024) }
        #expect(throws: HealthCodeError.self) { try Zlib.decompress([0xd2, 0x84] + sample, maxOutputBytes: 1024) }
    }

    @Test("zlib bombs stop at the output limit")
    func bomb() throws {
        let compressed = try Zlib.compress([UInt8](repeating: 0, count: 1 << 20))
        let error = try #require(throws: HealthCodeError.self) { try Zlib.decompress(compressed, maxOutputBytes: 64 * 1024) }
        #expect(error.code == .limitExceeded)
    }

    @Test("RFC 1950 §9: Adler-32 of known strings")
    func adler() {
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
    }
}
