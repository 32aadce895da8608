import PIVaultCrypto
import Testing

@Suite("Hex text")
struct HexTests {
    @Test("Bytes become two lowercase digits each, high nibble first")
    func encodes() {
        #expect(HexText.encode([]) == "")
        #expect(HexText.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        let abc: [UInt8] = [0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea]
        #expect(HexText.encode(abc) == "ba7816bf8f01cfea")
    }

    @Test("Contiguous bytes, raw buffers and other sequences give the same text")
    func everyInputForm() {
        let all = (0...255).map(UInt8.init)
        let expected = all.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        #expect(HexText.encode(all) == expected)
        #expect(all.withUnsafeBytes { HexText.encode($0) } == expected)
        #expect(HexText.encode(all.lazy.map { $0 }) == expected)
        #expect(HexText.encode(Set([UInt8(0xab)])) == "ab")
    }
}
