import Foundation
import PIVaultCore
import Testing

@Suite("JSON bodies and stored lists parsed in one pass (RFC 8259)")
struct JSONParserTests {
    static let valid: [String] = [
        #"{}"#, #"[]"#, #"  {"a" : 1 , "b":[true,false,null]}  "#, #""plain""#, #"0"#, #"-0"#, #"-12.5e+3"#, #"1E-7"#, #"123456789012"#,
        #"{"name":"张三","emoji":"😀","escaped":"\"\\\/\b\f\n\r\t","unicode":"\u00e9\u4e2d\ud83d\ude00"}"#,
        #"{"nested":{"deeper":[[[{"x":[]}]]]},"empty":"","space":" "}"#,
        #"[1,2.5,-3,1e2,0.0001,9007199254740993]"#, #"{"travel_history":["武汉","北京"],"vaccinated":true}"#,
    ]

    static let invalid: [String] = [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "[-]", "NaN", "[Infinity]",
        "tru", "nul", "[true false]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "\"unterminated", "\"bad \\x escape\"", "\"tab\there\"",
        "\"lone \\ud83d surrogate\"", "\"\\udc00 low first\"", "\"short \\u12\"", "[1e400]", "[1] [2]", "{} x", "/* comment */ {}",
    ]

    @Test("Valid documents give exactly what Foundation's decoder gives", arguments: valid)
    func sameAsFoundation(_ text: String) throws {
        let parsed = try JSONParser.parse(Array(text.utf8))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(parsed == foundation)
    }

    @Test("Anything that is not RFC 8259 JSON is refused with the place it went wrong", arguments: invalid)
    func refused(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("A leading byte order mark is skipped (RFC 8259 §8.1); one anywhere else is not JSON")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == .object(["a": .number(1)]))
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
    }

    @Test("Bytes that are not UTF-8 inside a string are refused")
    func invalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xE4, 0xB8, 0x22]) }
    }

    @Test("Nesting deeper than the limit is refused before it can exhaust the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
        let allowed = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try JSONParser.parse(Array(allowed.utf8), maxDepth: 10) != .null)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(allowed.utf8), maxDepth: 9) }
    }

    @Test("A syntax error names its byte offset, never the document's content")
    func errorNamesOffset() {
        do {
            _ = try JSONParser.parse(Array(#"{"resident_id": 110101199003077777x}"#.utf8))
            Issue.record("accepted a malformed document")
        } catch {
            #expect(error.offset == 34)
            #expect(!error.description.contains("110101"))
        }
    }
}
