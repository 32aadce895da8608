import Testing
import HealthCode

@Suite("RFC 8949 Appendix A vectors", .enabled(if: TestData.isPresent))
struct CBORAppendixTests {
    /// Indefinite-length strings decode to their joined bytes, so the chunk
    /// decoration of the diagnostic form is folded away before comparing.
    func normalise(_ diagnostic: String) -> String {
        guard diagnostic.hasPrefix("(_ h'") else { return diagnostic }
        let hexes = diagnostic.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return "h'" + hexes.joined() + "'"
    }

    @Test("RFC 8949 Appendix A: every example decodes, and round-trips where marked")
    func appendixA() throws {
        guard case .array(let vectors) = try TestData.json("cbor/appendix_a.json") else {
            Issue.record("appendix_a.json is not an array"); return
        }
        #expect(vectors.count > 70)
        for vector in vectors {
            let hexText = try #require(vector["hex"]?.string)
            let item = try CBORDecoder().decode(hex(hexText))
            if let decoded = vector["decoded"] {
                #expect(item.matches(decoded), "decode \(hexText) -> \(item)")
            } else if let diagnostic = vector["diagnostic"]?.string {
                #expect(item.description == normalise(diagnostic), "decode \(hexText)")
            }
            if vector["roundtrip"]?.bool == true {
                #expect(Hex.encode(CBOREncoder().encode(item)) == hexText, "re-encode \(hexText)")
            }
        }
    }
}
