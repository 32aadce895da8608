import Testing
import HealthCode

@Suite("CBOR codec")
struct CBORTests {
    @Test("RFC 8949 §4.2.1: map keys are sorted by their encoded bytes")
    func deterministicMapOrder() {
        let item = CBOR.map(pairs: [(.text("b"), .int(1)), (.int(-1), .int(2)), (.int(10), .int(3)), (.text("a"), .int(4))])
        #expect(Hex.encode(CBOREncoder().encode(item)) == "a40a032002616104616201")
    }

    @Test("RFC 8949 §4.2.1: shortest integer and float forms")
    func shortestForms() {
        #expect(CBOREncoder().encode(.int(23)) == [0x17])
        #expect(CBOREncoder().encode(.int(24)) == [0x18, 24])
        #expect(CBOREncoder().encode(.int(-500)) == [0x39, 0x01, 0xf3])
        #expect(CBOREncoder().encode(.float(0.5)) == [0xf9, 0x38, 0x00])
        #expect(CBOREncoder().encode(.float(0.1)).first == 0xfb)
    }

    @Test("RFC 8949 §3.2.3: indefinite strings must hold chunks of their own type")
    func badIndefiniteChunk() throws {
        #expect(throws: HealthCodeError.self) { try CBORDecoder().decode([0x5f, 0x61, 0x61, 0xff]) }
        #expect(try CBORDecoder().decode([0x7f, 0x61, 0x61, 0x61, 0x62, 0xff]) == .text("ab"))
    }

    @Test("RFC 8949 §5.2: a forged huge length is refused before allocating")
    func hugeLength() throws {
        let error = try #require(throws: HealthCodeError.self) { try CBORDecoder().decode([0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) }
        #expect(error.code == .malformedCBOR)
        #expect(throws: HealthCodeError.self) { try CBORDecoder().decode([0x9b, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00]) }
    }

    @Test("RFC 8949 §5.2: nesting beyond the depth limit is refused")
    func depthLimit() throws {
        let deep = [UInt8](repeating: 0x81, count: 100) + [0x00]
        let error = try #require(throws: HealthCodeError.self) { try CBORDecoder(limits: .init(maxDepth: 16)).decode(deep) }
        #expect(error.code == .limitExceeded)
        let indefinite = [UInt8](repeating: 0x9f, count: 10_000)
        #expect(throws: HealthCodeError.self) { try CBORDecoder().decode(indefinite) }
    }

    @Test("RFC 8949 §3: truncation, trailing bytes, reserved values, bad UTF-8 and stray break are errors")
    func malformed() {
        for bytes: [UInt8] in [[0x19, 0x01], [0x01, 0x02], [0x1c], [0x62, 0xff, 0xfe], [0xff], [0x82, 0x01], [0xf8, 0x10], [0xa1, 0x01]] {
            #expect(throws: HealthCodeError.self, "\(Hex.encode(bytes))") { try CBORDecoder().decode(bytes) }
        }
    }

    @Test("RFC 8949 §3.4.3: bignum tags round-trip as tags")
    func bignum() throws {
        let bytes = hex("c249010000000000000000")
        let item = try CBORDecoder().decode(bytes)
        #expect(item == .tagged(2, .bytes(hex("010000000000000000"))))
        #expect(CBOREncoder().encode(item) == bytes)
    }
}
