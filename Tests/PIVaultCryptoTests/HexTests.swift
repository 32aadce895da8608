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
}
